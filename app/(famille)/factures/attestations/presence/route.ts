import { getCurrentUser } from "@/lib/auth/dal";
import { roleGrants } from "@/lib/auth/roles";
import { renderAttendancePdf } from "@/lib/billing/pdf/certificate-render";
import { attendanceFileName, getAttendancePdfData, parseAttendanceRequest } from "@/lib/certificates/attendance";
import { errorResponse } from "@/lib/errors";

const notFound = () => new Response("Introuvable", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * "Télécharger l'attestation de présence": the GET form's target. The child
 * is looked up in the session's household (another family's child is a
 * 404); a wrong period goes back to the form with its values.
 */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user || user.status !== "ACTIVE" || !user.householdId || !roleGrants(user.role, "parent")) return notFound();
  const url = new URL(request.url);
  const input = { enfant: url.searchParams.get("enfant") ?? "", du: url.searchParams.get("du") ?? "", au: url.searchParams.get("au") ?? "" };
  const now = new Date();
  const parsed = parseAttendanceRequest(input, now);
  if (!parsed.ok) {
    const back = new URLSearchParams({ ...input, erreur: "1" });
    return new Response(null, { status: 303, headers: { Location: `/factures/attestations?${back.toString()}#presence`, "Cache-Control": "no-store" } });
  }
  try {
    const data = await getAttendancePdfData({ householdId: user.householdId, request: parsed.request, now });
    const pdf = await renderAttendancePdf(data);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${attendanceFileName(data.child.firstName, parsed.request)}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
