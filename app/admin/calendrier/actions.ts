"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { addClosure, ClosureSchema, deleteClosure } from "@/lib/catalogue/admin";
import { openMonth, setSlotCapacity, setSlotClosed } from "@/lib/catalogue/calendar";
import { formDataToObject } from "@/lib/forms";
import { isMonth } from "@/lib/dates";
import { formatDay } from "@/lib/format";
import { offerFreedPlacesAfterCommit } from "@/lib/waitlist";

const OpenMonthSchema = z.object({
  productId: z.string().min(1, "Choisissez une prestation."),
  month: z.string().refine(isMonth, "Choisissez un mois."),
  weekdays: z.array(z.coerce.number().int().min(1).max(7)).min(1, "Choisissez au moins un jour de la semaine."),
  capacity: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(10_000).optional()),
});

export const openMonthAction = defineAction(
  { role: "staff", schema: OpenMonthSchema, read: (formData) => ({ ...formDataToObject(formData), weekdays: formData.getAll("weekdays") }) },
  async ({ input, user: actor }) => {
    const result = await openMonth({ ...input, actor });
    revalidatePath("/admin/calendrier");
    const skipped = result.skipped.map((s) => `${formatDay(s.day)} (${s.reason})`).join(", ");
    return {
      status: "success",
      message: `${result.created.length} jour${result.created.length > 1 ? "s" : ""} ouvert${result.created.length > 1 ? "s" : ""}.${skipped ? ` Non ouverts : ${skipped}.` : ""}`,
    };
  },
);

export const setCapacityAction = defineAction(
  { role: "staff", schema: z.object({ slotId: z.string().min(1), capacity: z.coerce.number() }) },
  async ({ input, user: actor }) => {
    await setSlotCapacity({ ...input, actor });
    // A raised capacity goes to the day's waiting list first.
    await offerFreedPlacesAfterCommit([input.slotId], new Date());
    revalidatePath("/admin/calendrier");
    return { status: "success", message: "Capacité enregistrée." };
  },
);

export const toggleClosedAction = defineAction(
  { role: "staff", schema: z.object({ slotId: z.string().min(1), closed: z.enum(["true", "false"]) }) },
  async ({ input, user: actor }) => {
    await setSlotClosed({ actor, slotId: input.slotId, closed: input.closed === "true" });
    // A reopened day's places go to its waiting list first.
    if (input.closed === "false") await offerFreedPlacesAfterCommit([input.slotId], new Date());
    revalidatePath("/admin/calendrier");
    return { status: "success", message: input.closed === "true" ? "Jour fermé." : "Jour rouvert." };
  },
);

export const addClosureAction = defineAction({ role: "staff", schema: ClosureSchema }, async ({ input, user: actor }) => {
  await addClosure({ actor, input });
  revalidatePath("/admin/calendrier");
  return { status: "success", message: "Fermeture enregistrée : les mois ouverts ensuite la sauteront." };
});

export const deleteClosureAction = defineAction({ role: "staff", schema: z.object({ id: z.string().min(1) }) }, async ({ input: { id }, user: actor }) => {
  await deleteClosure({ actor, id });
  revalidatePath("/admin/calendrier");
  return { status: "success", message: "Fermeture supprimée." };
});
