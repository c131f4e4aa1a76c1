import { requireRole } from "@/lib/auth/dal";
import { csvDownload } from "@/lib/csv";
import { errorResponse } from "@/lib/errors";
import { getFileUpdateCampaign, pendingHouseholdsCsv } from "@/lib/file-update";
import { isId } from "@/lib/validation/ids";

/** "Familles n'ayant pas confirmé" as a CSV that French Excel opens as is. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  await requireRole("staff");
  const { id } = await params;
  if (!isId(id)) return new Response("Introuvable", { status: 404 });
  try {
    const campaign = await getFileUpdateCampaign(id);
    if (!campaign) return new Response("Introuvable", { status: 404 });
    return csvDownload(pendingHouseholdsCsv(campaign), `familles-sans-confirmation-${campaign.label}`);
  } catch (error) {
    return errorResponse(error);
  }
}
