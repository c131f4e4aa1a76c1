import { requireRole } from "@/lib/auth/dal";
import { CAMPAIGN_LISTS, campaignListCsv, getCampaignForStaff, type CampaignList } from "@/lib/campaigns/staff";
import { csvDownload } from "@/lib/csv";
import { errorResponse } from "@/lib/errors";
import { isId } from "@/lib/validation/ids";

const FILE_NAMES: Record<CampaignList, string> = { demandes: "demandes", attribuees: "places-attribuees", attente: "liste-attente" };

/** One of a campaign's lists as a CSV download that French Excel opens as is. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  await requireRole("staff");
  const { id } = await params;
  const list = new URL(request.url).searchParams.get("liste") ?? "";
  if (!isId(id) || !(CAMPAIGN_LISTS as readonly string[]).includes(list)) return new Response("Introuvable", { status: 404 });
  try {
    const campaign = await getCampaignForStaff(id);
    if (!campaign) return new Response("Introuvable", { status: 404 });
    return csvDownload(await campaignListCsv(id, list as CampaignList), `${FILE_NAMES[list as CampaignList]}-${campaign.label}`);
  } catch (error) {
    return errorResponse(error);
  }
}
