"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/dal";
import { formDataToObject, handleForm } from "@/lib/forms";
import {
  createDocumentType,
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
import { keepValues, type AdminFormState } from "../_lib/form-values";

function done(message: string): AdminFormState {
  revalidatePath("/admin/referentiels");
  return { status: "success", message };
}

export async function createSiteAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  const state = await handleForm(SiteSchema, formDataToObject(formData), async (data) => {
    await createSite({ actor, ...data });
    return done("Site ajouté.");
  });
  return keepValues(state, formData);
}

export async function createSchoolClassAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  const state = await handleForm(SchoolClassSchema, formDataToObject(formData), async (data) => {
    await createSchoolClass({ actor, ...data });
    return done("Classe ajoutée.");
  });
  return keepValues(state, formData);
}

export async function createDocumentTypeAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  const state = await handleForm(DocumentTypeSchema, formDataToObject(formData), async (data) => {
    await createDocumentType({ actor, ...data });
    return done("Type de document ajouté.");
  });
  return keepValues(state, formData);
}

export async function createRequestTypeAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  const state = await handleForm(RequestTypeSchema, formDataToObject(formData), async (data) => {
    await createRequestType({ actor, ...data });
    return done("Démarche ajoutée.");
  });
  return keepValues(state, formData);
}

export async function toggleDocumentTypeAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  return handleForm(ToggleSchema, formDataToObject(formData), async ({ id, active }) => {
    await setDocumentTypeActive({ actor, id, active });
    return done(active ? "Type de document réactivé." : "Type de document désactivé.");
  });
}

export async function toggleRequestTypeAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  return handleForm(ToggleSchema, formDataToObject(formData), async ({ id, active }) => {
    await setRequestTypeActive({ actor, id, active });
    return done(active ? "Démarche réactivée." : "Démarche désactivée.");
  });
}
