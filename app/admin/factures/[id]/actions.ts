"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { creditPaidInvoice } from "@/lib/billing/credit";
import { cancelInvoice, COUNTER_METHODS, recordCounterPayment } from "@/lib/billing/staff";
import { AppError } from "@/lib/errors";
import { type FormState, formDataToObject, INVALID_FORM } from "@/lib/forms";
import { parseEuros } from "@/lib/money";
import { keepValues } from "../../_lib/form-values";

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

export const cancelInvoiceAction = defineAction({ role: "staff", schema: CancelSchema }, async ({ input: { invoiceId, reason }, user: actor }) => {
  await cancelInvoice({ actor, invoiceId, reason });
  // The forms disappear with the invoice's new state: the outcome is told by the page itself.
  redirect(`/admin/factures/${invoiceId}?annulee=1`);
});

export const counterPaymentAction = defineAction(
  { role: "staff", schema: CounterSchema, finish: keepValues },
  async ({ input: { invoiceId, method, onlineChecked }, user: actor }) => {
    const { receiptNumber, creditCents } = await recordCounterPayment({ actor, invoiceId, method, onlineChecked });
    redirect(`/admin/factures/${invoiceId}?recu=${receiptNumber}${creditCents > 0 ? `&avoir_cents=${creditCents}` : ""}`);
  },
);

/** The schema checks `amountCents`; the form's field is `amount`. */
function amountFieldError(state: FormState): FormState {
  const fieldErrors = state.fieldErrors?.amountCents ? { ...state.fieldErrors, amount: state.fieldErrors.amountCents } : state.fieldErrors;
  return { ...state, fieldErrors };
}

/** "Émettre un avoir" on a paid invoice: a numbered credit note, its amount to the family's credit. */
export const creditNoteAction = defineAction(
  {
    role: "staff",
    schema: CreditNoteSchema,
    read: (formData) => {
      const raw = formDataToObject(formData);
      // Staff type euros ("4,50"); the domain only knows cents.
      const amountCents = parseEuros(String(raw.amount ?? ""));
      if (amountCents === undefined) throw new AppError("INVALID", INVALID_FORM, { amount: "Indiquez un montant en euros, par exemple 4,50." });
      return { ...raw, amountCents };
    },
    finish: (state, formData) => keepValues(amountFieldError(state), formData),
  },
  async ({ input: { invoiceId, amountCents, reason }, user: actor }) => {
    const { number } = await creditPaidInvoice({ actor, invoiceId, amountCents, reason });
    redirect(`/admin/factures/${invoiceId}?avoir=${number}`);
  },
);
