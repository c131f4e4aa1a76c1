import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireRole } from "@/lib/auth/dal";
import { getCreditNotePdfData } from "@/lib/billing/credit-note-pdf";
import { AccessibleCreditNote } from "@/components/billing/accessible-documents";
import { AppError } from "@/lib/errors";
import { isId } from "@/lib/validation/ids";

type Props = { params: Promise<{ id: string }> };

const loadCreditNote = cache(async (id: string) => {
  await requireRole("staff");
  if (!isId(id)) notFound();
  return getCreditNotePdfData({ creditNoteId: id }).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadCreditNote((await params).id);
  return { title: `Avoir N° ${data.creditNote.number} — version accessible` };
}

/** Any household's credit note as the family reads it in HTML, for staff. */
export default async function StaffAccessibleCreditNotePage({ params }: Props) {
  const { id } = await params;
  const data = await loadCreditNote(id);
  return (
    <AccessibleCreditNote
      data={data}
      actions={{ pdfHref: `/admin/avoirs/${id}/pdf`, backHref: `/admin/familles/${data.household.id}/compte`, backLabel: "Retour au compte famille" }}
    />
  );
}
