"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { holdBookings } from "@/lib/bookings/hold";
import { cancelPendingBookings } from "@/lib/bookings/cancel";
import { parseTicked } from "@/lib/bookings/summary";
import { saveWeekPattern, WeekPatternSchema } from "@/lib/bookings/calendar-changes";
import { cancelBookedDays } from "@/lib/bookings/cancel-days";
import { AppError } from "@/lib/errors";
import { isDay } from "@/lib/dates";
import { isId } from "@/lib/validation/ids";
import { joinWaitlist } from "@/lib/waitlist";

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

/** "Enregistrer la semaine type". */
export const saveWeekPatternAction = defineAction(
  {
    role: "parent",
    schema: WeekPatternSchema,
    read: (formData) => ({ childId: formData.get("childId"), productId: formData.get("productId"), weekdays: formData.getAll("weekdays") }),
  },
  async ({ input, user }) => {
    const { weekdays } = await saveWeekPattern({ householdId: user.householdId, ...input });
    revalidatePath("/demandes/reservation/calendrier");
    return { status: "success", message: weekdays.length ? "Semaine type enregistrée." : "Semaine type effacée." };
  },
);

const CalendarSchema = z
  .object({
    submissionKey: z.string().min(16).max(100),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    ticked: z.array(z.string().max(120).refine((v) => v.split("|").length === 3 && isId(v.split("|")[0]) && isId(v.split("|")[1]) && isDay(v.split("|")[2]))).max(250),
    cancel: z.array(z.string().refine(isId)).max(250),
  })
  .refine((v) => v.ticked.length + v.cancel.length > 0, "Aucun changement à valider.");

/**
 * The Résumé of the family calendar: the days to cancel, then the days to
 * book under one hold and one pending invoice. Cancelling first means a
 * freed place can go to a sibling's new day in the same submission.
 */
export const confirmCalendarAction = defineAction(
  {
    role: "parent",
    schema: CalendarSchema,
    read: (formData) => ({
      submissionKey: formData.get("submissionKey"),
      month: formData.get("month"),
      ticked: formData.getAll("j"),
      cancel: formData.getAll("x"),
    }),
  },
  async ({ input, user }) => {
    const actor = { id: user.id };
    let cancelled = 0;
    if (input.cancel.length) {
      try {
        cancelled = (await cancelBookedDays({ actor, householdId: user.householdId, bookingIds: input.cancel })).cancelled;
      } catch (error) {
        // The same Résumé sent twice: its days are already cancelled, the second send books what is left.
        if (!(error instanceof AppError) || error.code !== "CONFLICT" || input.ticked.length === 0) throw error;
      }
    }
    if (input.ticked.length) {
      const selections = input.ticked.map((t) => {
        const [personId, productId, date] = t.split("|");
        return { personId, productId, date };
      });
      const { invoiceId } = await holdBookings({ actor, householdId: user.householdId, selections, submissionKey: input.submissionKey });
      redirect(`/demandes/reservation/attente/${invoiceId}`);
    }
    redirect(`/demandes/reservation/calendrier?mois=${input.month}&annulation=${cancelled}`);
  },
);

/** "M'inscrire sur la liste d'attente": every rule is checked again by joinWaitlist, under the slot's lock. */
export const joinWaitlistAction = defineAction(
  {
    role: "parent",
    schema: z.object({ slotId: z.string().refine(isId, "Jour introuvable."), personId: z.string().refine(isId, "Enfant introuvable.") }),
    read: (formData) => ({ slotId: formData.get("slotId"), personId: formData.get("personId") }),
  },
  async ({ input, user }) => {
    const { entryId } = await joinWaitlist({ actor: { id: user.id }, householdId: user.householdId, personId: input.personId, slotId: input.slotId });
    revalidatePath("/demandes/liste-attente");
    redirect(`/demandes/liste-attente?inscription=${entryId}`);
  },
);
