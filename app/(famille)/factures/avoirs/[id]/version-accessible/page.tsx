import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireRole } from "@/lib/auth/dal";
import { getCreditNotePdfData } from "@/lib/billing/credit-note-pdf";
import { AccessibleCreditNote } from "@/components/billing/accessible-documents";
import { AppError } from "@/lib/errors";
import { isId } from "@/lib/validation/ids";

type Props = { params: Promise<{ id: string }> };

// Read once per request for the title and the page, in the session's household: another household's id is a 404 that names nothing.
const loadCreditNote = cache(async (id: string) => {
  const user = await requireRole("parent");
  if (!isId(id)) notFound();
  return getCreditNotePdfData({ creditNoteId: id, householdId: user.householdId }).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadCreditNote((await params).id);
  return { title: `Avoir N° ${data.creditNote.number} — version accessible` };
}

/** The family's credit note as an accessible HTML page, beside its PDF. */
export default async function AccessibleCreditNotePage({ params }: Props) {
  const { id } = await params;
  const data = await loadCreditNote(id);
  return <AccessibleCreditNote data={data} actions={{ pdfHref: `/factures/avoirs/${id}/pdf`, backHref: "/factures", backLabel: "Retour aux factures" }} />;
}
