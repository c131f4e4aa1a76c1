import { renderInvoicePdf } from "@/lib/billing/pdf/render";
import { getCurrentUser } from "@/lib/auth/dal";
import { getInvoicePdfData } from "@/lib/billing/invoices";
import { errorResponse } from "@/lib/errors";
import { isId } from "@/lib/validation/ids";
import { roleGrants } from "@/lib/auth/roles";

const notFound = () => new Response("Introuvable", { status: 404, headers: { "Cache-Control": "no-store" } });

/** An invoice PDF, for its own household (the household comes from the session) or for staff. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user || user.status !== "ACTIVE") return notFound();
  const staff = roleGrants(user.role, "staff");
  if (!staff && !user.householdId) return notFound();
  const { id } = await params;
  if (!isId(id)) return notFound();
  try {
    const data = await getInvoicePdfData({ invoiceId: id, householdId: staff ? undefined : user.householdId! });
    const pdf = await renderInvoicePdf(data);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="facture-${data.invoice.number}.pdf"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
