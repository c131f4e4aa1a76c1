"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { isId } from "@/lib/validation/ids";
import { declineOffer, leaveWaitlist } from "@/lib/waitlist";
import { acceptOffer } from "@/lib/waitlist/accept";

const EntrySchema = z.object({ entryId: z.string().refine(isId, "Inscription introuvable.") });
const read = (formData: FormData) => ({ entryId: formData.get("entryId") });

/** "Accepter la place": the place is invoiced, then paid on the pending invoice's page as any booking. */
export const acceptOfferAction = defineAction({ role: "parent", schema: EntrySchema, read }, async ({ input, user }) => {
  const { invoiceId } = await acceptOffer({ actor: { id: user.id }, householdId: user.householdId, entryId: input.entryId });
  revalidatePath("/demandes/liste-attente");
  redirect(`/demandes/reservation/attente/${invoiceId}`);
});

/** "Refuser la place": nothing more is asked; the list's page then says the place went to the next family. */
export const declineOfferAction = defineAction({ role: "parent", schema: EntrySchema, read }, async ({ input, user }) => {
  await declineOffer({ actor: { id: user.id }, householdId: user.householdId, entryId: input.entryId });
  revalidatePath("/demandes/liste-attente");
  redirect(`/demandes/liste-attente?refus=${input.entryId}`);
});

/** "Me retirer de la liste". */
export const leaveWaitlistAction = defineAction({ role: "parent", schema: EntrySchema, read }, async ({ input, user }) => {
  await leaveWaitlist({ actor: { id: user.id }, householdId: user.householdId, entryId: input.entryId });
  revalidatePath("/demandes/liste-attente");
  redirect(`/demandes/liste-attente?retrait=${input.entryId}`);
});
