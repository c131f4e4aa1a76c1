"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { applyCreditToInvoice, keepCreditOnAccount, refundCredit } from "@/lib/billing/credit";
import { recheckPayment } from "@/lib/billing/staff";
import { paymentStatusLabel } from "@/lib/format";
import { AppError } from "@/lib/errors";
import { type FormState, formDataToObject, INVALID_FORM } from "@/lib/forms";
import { parseEuros } from "@/lib/money";
import { keepValues } from "../_lib/form-values";

const QUEUE = "/admin/paiements/a-traiter";

export const recheckPaymentAction = defineAction(
  { role: "staff", schema: z.object({ paymentId: z.string().min(1) }) },
  async ({ input: { paymentId }, user: actor }) => {
    const outcome = await recheckPayment({ actor, paymentId });
    revalidatePath("/admin/paiements");
    return {
      status: "success",
      message: outcome ? `PayFiP consulté : ${paymentStatusLabel({ status: outcome.status, abandonedByPayer: outcome.abandoned })}.` : "PayFiP ne connaît pas ce paiement.",
    };
  },
);

const RefundSchema = z.object({
  householdId: z.string().min(1),
  /** Set when the refund answers an item of the "À traiter" queue, which it closes */
  paymentId: z.string().optional().transform((v) => v || undefined),
  amountCents: z.number({ error: "Indiquez un montant en euros, par exemple 12,50." }).int().positive("Indiquez un montant positif."),
  reference: z
    .string()
    .trim()
    .min(1, "Indiquez la référence du virement.")
    .max(100, "La référence tient en 100 caractères au plus."),
});

/** "Rembourser": the régie paid the family back by transfer; the credit goes down by that amount. */
export const refundCreditAction = defineAction(
  {
    role: "staff",
    schema: RefundSchema,
    read: (formData) => {
      const raw = formDataToObject(formData);
      // Staff type euros ("12,50"); the domain only knows cents.
      const amountCents = parseEuros(String(raw.amount ?? ""));
      if (amountCents === undefined) throw new AppError("INVALID", INVALID_FORM, { amount: "Indiquez un montant en euros, par exemple 12,50." });
      return { ...raw, amountCents };
    },
    finish: (state, formData) => keepValues(mapAmountError(state), formData),
  },
  async ({ input: { householdId, paymentId, amountCents, reference }, user: actor }) => {
    await refundCredit({ actor, householdId, amountCents, reference, fromPaymentId: paymentId });
    revalidatePath("/admin", "layout");
    redirect(paymentId ? `${QUEUE}?fait=rembourse` : `/admin/familles/${householdId}/compte?rembourse=1`);
  },
);

/** The schema checks `amountCents`; the form's field is `amount`. */
function mapAmountError(state: FormState): FormState {
  if (state.fieldErrors?.amountCents) {
    const { amountCents, ...rest } = state.fieldErrors;
    return { ...state, fieldErrors: { ...rest, amount: amountCents } };
  }
  return state;
}

const UseCreditSchema = z.object({
  paymentId: z.string().min(1),
  householdId: z.string().min(1),
  invoiceId: z.string().min(1, "Choisissez la facture à régler avec l'avoir."),
});

/** "Utiliser sur une facture": the family's credit pays (part of) one of its open invoices; the queue item is closed. */
export const applyCreditFromQueueAction = defineAction(
  { role: "staff", schema: UseCreditSchema },
  async ({ input: { paymentId, householdId, invoiceId }, user: actor }) => {
    const { paid } = await applyCreditToInvoice({ actor, householdId, invoiceId, fromPaymentId: paymentId });
    revalidatePath("/admin", "layout");
    redirect(`${QUEUE}?fait=${paid ? "utilise" : "utilise-partiel"}`);
  },
);

const KeepSchema = z.object({
  paymentId: z.string().min(1),
  note: z.string().trim().max(300, "La note tient en 300 caractères au plus.").optional(),
});

/** "Conserver sur le compte": the money stays as credit; the queue item is closed with who decided. */
export const keepCreditAction = defineAction(
  { role: "staff", schema: KeepSchema, finish: keepValues },
  async ({ input: { paymentId, note }, user: actor }) => {
    await keepCreditOnAccount({ actor, paymentId, note: note || undefined });
    revalidatePath("/admin", "layout");
    redirect(`${QUEUE}?fait=conserve`);
  },
);
