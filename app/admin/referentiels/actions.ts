"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import type { FormState } from "@/lib/forms";
import {
  createDiet,
  createDocumentType,
  DietRenameSchema,
  DietSchema,
  DocumentTypeValiditySchema,
  renameDiet,
  setDietActive,
  setDocumentTypeValidity,
  createRequestType,
  createSchoolClass,
  createSite,
  DocumentTypeSchema,
  RequestTypeSchema,
  SchoolClassSchema,
  setDocumentTypeActive,
  setRequestTypeActive,
  SiteSchema,
  ToggleSchema,
} from "@/lib/referentials";
import { keepValues } from "../_lib/form-values";

function done(message: string): FormState {
  revalidatePath("/admin/referentiels");
  return { status: "success", message };
}

export const createSiteAction = defineAction({ role: "staff", schema: SiteSchema, finish: keepValues }, async ({ input, user: actor }) => {
  await createSite({ actor, ...input });
  return done("Site ajouté.");
});

export const createSchoolClassAction = defineAction({ role: "staff", schema: SchoolClassSchema, finish: keepValues }, async ({ input, user: actor }) => {
  await createSchoolClass({ actor, ...input });
  return done("Classe ajoutée.");
});

export const createDocumentTypeAction = defineAction({ role: "staff", schema: DocumentTypeSchema, finish: keepValues }, async ({ input, user: actor }) => {
  await createDocumentType({ actor, ...input });
  return done("Type de document ajouté.");
});

export const createRequestTypeAction = defineAction({ role: "staff", schema: RequestTypeSchema, finish: keepValues }, async ({ input, user: actor }) => {
  await createRequestType({ actor, ...input });
  return done("Démarche ajoutée.");
});

export const toggleDocumentTypeAction = defineAction({ role: "staff", schema: ToggleSchema }, async ({ input: { id, active }, user: actor }) => {
  await setDocumentTypeActive({ actor, id, active });
  return done(active ? "Type de document réactivé." : "Type de document désactivé.");
});

export const toggleRequestTypeAction = defineAction({ role: "staff", schema: ToggleSchema }, async ({ input: { id, active }, user: actor }) => {
  await setRequestTypeActive({ actor, id, active });
  return done(active ? "Démarche réactivée." : "Démarche désactivée.");
});

export const setDocumentTypeValidityAction = defineAction({ role: "staff", schema: DocumentTypeValiditySchema }, async ({ input, user: actor }) => {
  await setDocumentTypeValidity({ actor, ...input });
  return done("Durée de validité enregistrée.");
});

export const createDietAction = defineAction({ role: "staff", schema: DietSchema, finish: keepValues }, async ({ input, user: actor }) => {
  await createDiet({ actor, ...input });
  return done("Régime ajouté.");
});

export const renameDietAction = defineAction({ role: "staff", schema: DietRenameSchema, finish: keepValues }, async ({ input, user: actor }) => {
  await renameDiet({ actor, ...input });
  return done("Régime renommé.");
});

export const toggleDietAction = defineAction({ role: "staff", schema: ToggleSchema }, async ({ input: { id, active }, user: actor }) => {
  await setDietActive({ actor, id, active });
  return done(active ? "Régime réactivé." : "Régime désactivé.");
});
