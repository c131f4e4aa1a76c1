import { renderCreditNotePdf } from "@/lib/billing/pdf/render";
import { getCurrentUser } from "@/lib/auth/dal";
import { getCreditNotePdfData } from "@/lib/billing/credit-note-pdf";
import { errorResponse } from "@/lib/errors";
import { isId } from "@/lib/validation/ids";
import { roleGrants } from "@/lib/auth/roles";

const notFound = () => new Response("Introuvable", { status: 404, headers: { "Cache-Control": "no-store" } });

/** A credit note PDF, for its own household only (the household comes from the session). Staff use /admin/avoirs/[id]/pdf. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user || user.status !== "ACTIVE" || !roleGrants(user.role, "parent") || !user.householdId) return notFound();
  const { id } = await params;
  if (!isId(id)) return notFound();
  try {
    const data = await getCreditNotePdfData({ creditNoteId: id, householdId: user.householdId });
    const pdf = await renderCreditNotePdf(data);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="avoir-${data.creditNote.number}.pdf"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
