"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/dal";
import { addClosure, ClosureSchema, deleteClosure } from "@/lib/catalogue/admin";
import { openMonth, setSlotCapacity, setSlotClosed } from "@/lib/catalogue/calendar";
import { formDataToObject, handleForm, type FormState } from "@/lib/forms";
import { formatDay, isMonth } from "@/lib/dates";

const OpenMonthSchema = z.object({
  productId: z.string().min(1, "Choisissez une prestation."),
  month: z.string().refine(isMonth, "Choisissez un mois."),
  weekdays: z.array(z.coerce.number().int().min(1).max(7)).min(1, "Choisissez au moins un jour de la semaine."),
  capacity: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(10_000).optional()),
});

export async function openMonthAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  return handleForm(OpenMonthSchema, { ...formDataToObject(formData), weekdays: formData.getAll("weekdays") }, async (input) => {
    const result = await openMonth({ ...input, actor });
    revalidatePath("/admin/calendrier");
    const skipped = result.skipped.map((s) => `${formatDay(s.day)} (${s.reason})`).join(", ");
    return {
      status: "success",
      message: `${result.created.length} jour${result.created.length > 1 ? "s" : ""} ouvert${result.created.length > 1 ? "s" : ""}.${skipped ? ` Non ouverts : ${skipped}.` : ""}`,
    };
  });
}

export async function setCapacityAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  return handleForm(z.object({ slotId: z.string().min(1), capacity: z.coerce.number() }), formDataToObject(formData), async (input) => {
    await setSlotCapacity({ ...input, actor });
    revalidatePath("/admin/calendrier");
    return { status: "success", message: "Capacité enregistrée." };
  });
}

export async function toggleClosedAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  return handleForm(z.object({ slotId: z.string().min(1), closed: z.enum(["true", "false"]) }), formDataToObject(formData), async (input) => {
    await setSlotClosed({ actor, slotId: input.slotId, closed: input.closed === "true" });
    revalidatePath("/admin/calendrier");
    return { status: "success", message: input.closed === "true" ? "Jour fermé." : "Jour rouvert." };
  });
}

export async function addClosureAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  return handleForm(ClosureSchema, formDataToObject(formData), async (input) => {
    await addClosure({ actor, input });
    revalidatePath("/admin/calendrier");
    return { status: "success", message: "Fermeture enregistrée : les mois ouverts ensuite la sauteront." };
  });
}

export async function deleteClosureAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  return handleForm(z.object({ id: z.string().min(1) }), formDataToObject(formData), async ({ id }) => {
    await deleteClosure({ actor, id });
    revalidatePath("/admin/calendrier");
    return { status: "success", message: "Fermeture supprimée." };
  });
}
