"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { holdBookings } from "@/lib/bookings/hold";
import { cancelPendingBookings } from "@/lib/bookings/cancel";
import { parseTicked } from "@/lib/bookings/summary";

const HoldSchema = z.object({
  productId: z.string().min(1).max(100),
  submissionKey: z.string().min(16).max(100),
  ticked: z.array(z.string().max(120)).min(1, "Cochez au moins un jour.").max(200),
});

/** "Valider et passer au paiement": everything is re-checked and priced again by holdBookings. */
export const holdBookingsAction = defineAction(
  {
    role: "parent",
    schema: HoldSchema,
    read: (formData) => ({ productId: formData.get("productId"), submissionKey: formData.get("submissionKey"), ticked: formData.getAll("j") }),
  },
  async ({ input, user }) => {
    const { invoiceId } = await holdBookings({
      actor: { id: user.id },
      householdId: user.householdId,
      selections: parseTicked(input.productId, input.ticked),
      submissionKey: input.submissionKey,
    });
    redirect(`/demandes/reservation/attente/${invoiceId}`);
  },
);

export const cancelPendingAction = defineAction(
  {
    role: "parent",
    schema: z.object({ invoiceId: z.string().min(1).max(100) }),
    read: (formData) => ({ invoiceId: formData.get("invoiceId") }),
  },
  async ({ input: { invoiceId }, user }) => {
    await cancelPendingBookings({ actor: { id: user.id }, householdId: user.householdId, invoiceId });
    redirect("/demandes?annulation=ok");
  },
);
