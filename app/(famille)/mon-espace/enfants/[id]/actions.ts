"use server";

import { revalidatePath } from "next/cache";
import { defineAction, defineInputAction } from "@/lib/actions";
import { discardUnclaimedUploads, UploadRefSchema } from "@/lib/documents";
import { addPickupPerson, removePickupPerson, saveConsents, saveHealthFile } from "@/lib/family-file";
import { AddPickupPersonSchema, ConsentsSchema, HealthFileSchema, RemovePickupPersonSchema } from "@/lib/family-file/schemas";
import type { FormState } from "@/lib/forms";

const refresh = (personId: string) => {
  revalidatePath(`/mon-espace/enfants/${personId}`);
  revalidatePath("/mon-espace", "layout");
};

/** A refused health form leaves none of its uploads behind. */
async function discardRefusedUploads(state: FormState, input: unknown): Promise<FormState> {
  if (state.status !== "error" || typeof input !== "object" || input === null) return state;
  const { paiUpload, vaccinationsUpload } = input as Record<string, unknown>;
  const uploads = [paiUpload, vaccinationsUpload].flatMap((u) => {
    const parsed = UploadRefSchema.safeParse(u);
    return parsed.success ? [parsed.data] : [];
  });
  if (uploads.length) await discardUnclaimedUploads(uploads);
  return state;
}

/** "Enregistrer la fiche santé": the files are already uploaded; this attaches them with the rest. */
export const saveHealthFileAction = defineInputAction(
  { role: "parent", schema: HealthFileSchema, finish: discardRefusedUploads },
  async ({ input, user }) => {
    const result = await saveHealthFile({ actor: { id: user.id, householdId: user.householdId }, input });
    refresh(input.personId);
    return {
      status: "success",
      message: result.requestId
        ? "La fiche santé est enregistrée. Les allergies et le PAI sont envoyés au service : ils s'appliqueront après sa validation."
        : "La fiche santé est enregistrée.",
    };
  },
);

/** React empties a form after its action: a refused one gets back what was typed. */
function keepTyped(state: FormState, formData: FormData): FormState {
  if (state.status !== "error") return state;
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  return { ...state, values };
}

export const addPickupPersonAction = defineAction(
  { role: "parent", schema: AddPickupPersonSchema, finish: keepTyped },
  async ({ input, user }) => {
    const { created } = await addPickupPerson({ actor: { id: user.id, householdId: user.householdId }, input });
    refresh(input.personId);
    return { status: "success", message: created ? `${input.name} est ajouté(e) à la liste.` : `${input.name} est déjà dans la liste.` };
  },
);

export const removePickupPersonAction = defineAction({ role: "parent", schema: RemovePickupPersonSchema }, async ({ input, user }) => {
  await removePickupPerson({ actor: { id: user.id, householdId: user.householdId }, ...input });
  refresh(input.personId);
  return { status: "success", message: "La personne est retirée de la liste." };
});

export const saveConsentsAction = defineAction({ role: "parent", schema: ConsentsSchema }, async ({ input, user }) => {
  const { written } = await saveConsents({ actor: { id: user.id, householdId: user.householdId }, input });
  refresh(input.personId);
  return { status: "success", message: written.length ? "Les autorisations sont enregistrées." : "Aucune autorisation n'a changé." };
});
