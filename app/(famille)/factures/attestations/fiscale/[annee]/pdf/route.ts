import { getCurrentUser } from "@/lib/auth/dal";
import { roleGrants } from "@/lib/auth/roles";
import { renderTaxCertificatePdf } from "@/lib/billing/pdf/certificate-render";
import { getTaxCertificatePdfData } from "@/lib/certificates/documents";
import { errorResponse } from "@/lib/errors";

const notFound = () => new Response("Introuvable", { status: 404, headers: { "Cache-Control": "no-store" } });

/** The family's tax certificate of a year, drawn on demand from its stored figures, for the session's household only. */
export async function GET(_request: Request, { params }: { params: Promise<{ annee: string }> }) {
  const user = await getCurrentUser();
  if (!user || user.status !== "ACTIVE" || !user.householdId || !roleGrants(user.role, "parent")) return notFound();
  const { annee } = await params;
  if (!/^\d{4}$/.test(annee)) return notFound();
  try {
    const data = await getTaxCertificatePdfData({ householdId: user.householdId, year: Number(annee) });
    const pdf = await renderTaxCertificatePdf(data);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="attestation-fiscale-${data.year}.pdf"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
