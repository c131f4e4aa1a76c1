"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireParent } from "@/lib/auth/dal";
import { holdBookings } from "@/lib/bookings/hold";
import { cancelPendingBookings } from "@/lib/bookings/cancel";
import { parseTicked } from "@/lib/bookings/summary";
import { handleForm, type FormState } from "@/lib/forms";

const HoldSchema = z.object({
  productId: z.string().min(1).max(100),
  submissionKey: z.string().min(16).max(100),
  ticked: z.array(z.string().max(120)).min(1, "Cochez au moins un jour.").max(200),
});

/** "Valider et passer au paiement": everything is re-checked and priced again by holdBookings. */
export async function holdBookingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireParent();
  let invoiceId: string | undefined;
  const state = await handleForm(
    HoldSchema,
    { productId: formData.get("productId"), submissionKey: formData.get("submissionKey"), ticked: formData.getAll("j") },
    async (input) => {
      const result = await holdBookings({
        actor: { id: user.id },
        householdId: user.householdId,
        selections: parseTicked(input.productId, input.ticked),
        submissionKey: input.submissionKey,
      });
      invoiceId = result.invoiceId;
    },
  );
  if (invoiceId) redirect(`/demandes/reservation/attente/${invoiceId}`);
  return state;
}

export async function cancelPendingAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireParent();
  let done = false;
  const state = await handleForm(z.object({ invoiceId: z.string().min(1).max(100) }), { invoiceId: formData.get("invoiceId") }, async ({ invoiceId }) => {
    await cancelPendingBookings({ actor: { id: user.id }, householdId: user.householdId, invoiceId });
    done = true;
  });
  if (done) redirect("/demandes?annulation=ok");
  return state;
}
