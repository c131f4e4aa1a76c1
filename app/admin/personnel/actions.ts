"use server";

import { revalidatePath } from "next/cache";
import {
  ChangeStaffRoleSchema,
  CreateStaffSchema,
  SetStaffStatusSchema,
  StaffTargetSchema,
  changeStaffRole,
  createStaffMember,
  disableStaffMember,
  enableStaffMember,
  resendStaffInvitation,
} from "@/lib/accounts/staff";
import { requireAdmin } from "@/lib/auth/dal";
import { formDataToObject, handleForm } from "@/lib/forms";
import { keepValues, type AdminFormState } from "../_lib/form-values";

const EMAIL_FAILED = "L'email d'invitation n'a pas pu être envoyé : réessayez avec « Renvoyer l'invitation ».";

export async function createStaffAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireAdmin();
  const state = await handleForm(CreateStaffSchema, formDataToObject(formData), async (data) => {
    const { emailSent } = await createStaffMember({ actor, ...data });
    revalidatePath("/admin/personnel");
    return {
      status: "success",
      message: emailSent
        ? `Compte créé pour ${data.firstName} ${data.lastName}. Une invitation à choisir un mot de passe a été envoyée à ${data.email} (lien valable 72 heures).`
        : `Compte créé pour ${data.firstName} ${data.lastName}. ${EMAIL_FAILED}`,
    };
  });
  return keepValues(state, formData);
}

export async function resendInvitationAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireAdmin();
  return handleForm(StaffTargetSchema, formDataToObject(formData), async ({ userId }) => {
    const { emailSent } = await resendStaffInvitation({ actor, userId });
    return emailSent
      ? { status: "success", message: "Invitation renvoyée (lien valable 72 heures)." }
      : { status: "error", message: EMAIL_FAILED };
  });
}

export async function setStaffStatusAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireAdmin();
  return handleForm(SetStaffStatusSchema, formDataToObject(formData), async ({ userId, status }) => {
    if (status === "DISABLED") await disableStaffMember({ actor, userId });
    else await enableStaffMember({ actor, userId });
    revalidatePath("/admin/personnel");
    return {
      status: "success",
      message: status === "DISABLED" ? "Compte désactivé : ses sessions ouvertes sont fermées." : "Compte réactivé.",
    };
  });
}

export async function changeRoleAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireAdmin();
  return handleForm(ChangeStaffRoleSchema, formDataToObject(formData), async ({ userId, role }) => {
    await changeStaffRole({ actor, userId, role });
    revalidatePath("/admin/personnel");
    return { status: "success", message: "Rôle modifié." };
  });
}
