"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/dal";
import { creditPaidInvoice } from "@/lib/billing/credit";
import { cancelInvoice, COUNTER_METHODS, recordCounterPayment } from "@/lib/billing/staff";
import { type FormState, formDataToObject, handleForm, INVALID_FORM } from "@/lib/forms";
import { parseEuros } from "@/lib/money";
import { keepValues, type AdminFormState } from "../../_lib/form-values";

const CancelSchema = z.object({
  invoiceId: z.string().min(1),
  reason: z.string().trim().min(5, "Indiquez le motif de l'annulation (5 caractères au moins).").max(500),
});

const CounterSchema = z.object({
  invoiceId: z.string().min(1),
  method: z.enum(COUNTER_METHODS, { error: "Choisissez le moyen de paiement." }),
  /** Ticked only after the page said an online attempt is open and staff checked it */
  onlineChecked: z
    .string()
    .optional()
    .transform((v) => v === "1"),
});

const CreditNoteSchema = z.object({
  invoiceId: z.string().min(1),
  amountCents: z.number().int().positive("Indiquez un montant positif."),
  reason: z.string().trim().min(3, "Indiquez le motif de l'avoir.").max(300, "Le motif tient en 300 caractères au plus."),
});

export async function cancelInvoiceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  return handleForm(CancelSchema, formDataToObject(formData), async ({ invoiceId, reason }) => {
    await cancelInvoice({ actor, invoiceId, reason });
    // The forms disappear with the invoice's new state: the outcome is told by the page itself.
    redirect(`/admin/factures/${invoiceId}?annulee=1`);
  });
}

export async function counterPaymentAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  const state = await handleForm(CounterSchema, formDataToObject(formData), async ({ invoiceId, method, onlineChecked }) => {
    const { receiptNumber, creditCents } = await recordCounterPayment({ actor, invoiceId, method, onlineChecked });
    redirect(`/admin/factures/${invoiceId}?recu=${receiptNumber}${creditCents > 0 ? `&avoir_cents=${creditCents}` : ""}`);
  });
  return keepValues(state, formData);
}

/** "Émettre un avoir" on a paid invoice: a numbered credit note, its amount to the family's credit. */
export async function creditNoteAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  const raw = formDataToObject(formData);
  // Staff type euros ("4,50"); the domain only knows cents.
  const amountCents = parseEuros(String(raw.amount ?? ""));
  if (amountCents === undefined) {
    return keepValues({ status: "error", message: INVALID_FORM, fieldErrors: { amount: "Indiquez un montant en euros, par exemple 4,50." } }, formData);
  }
  const state = await handleForm(CreditNoteSchema, { ...raw, amountCents }, async ({ invoiceId, reason }) => {
    const { number } = await creditPaidInvoice({ actor, invoiceId, amountCents, reason });
    redirect(`/admin/factures/${invoiceId}?avoir=${number}`);
  });
  const fieldErrors = state.fieldErrors?.amountCents ? { ...state.fieldErrors, amount: state.fieldErrors.amountCents } : state.fieldErrors;
  return keepValues({ ...state, fieldErrors }, formData);
}
