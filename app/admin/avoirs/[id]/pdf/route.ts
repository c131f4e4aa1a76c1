import { renderCreditNotePdf } from "@/lib/billing/pdf/render";
import { requireRole } from "@/lib/auth/dal";
import { getCreditNotePdfData } from "@/lib/billing/credit-note-pdf";
import { errorResponse } from "@/lib/errors";
import { isId } from "@/lib/validation/ids";

const notFound = () => new Response("Introuvable", { status: 404, headers: { "Cache-Control": "no-store" } });

/** Any household's credit note PDF, for staff (others get the staff pages' 404). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  await requireRole("staff");
  const { id } = await params;
  if (!isId(id)) return notFound();
  try {
    const data = await getCreditNotePdfData({ creditNoteId: id });
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
