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
import { defineAction } from "@/lib/actions";
import { keepValues } from "../_lib/form-values";

const EMAIL_FAILED = "L'email d'invitation n'a pas pu être envoyé : réessayez avec « Renvoyer l'invitation ».";

export const createStaffAction = defineAction({ role: "admin", schema: CreateStaffSchema, finish: keepValues }, async ({ input, user: actor }) => {
  const { emailSent } = await createStaffMember({ actor, ...input });
  revalidatePath("/admin/personnel");
  return {
    status: "success",
    message: emailSent
      ? `Compte créé pour ${input.firstName} ${input.lastName}. Une invitation à choisir un mot de passe a été envoyée à ${input.email} (lien valable 72 heures).`
      : `Compte créé pour ${input.firstName} ${input.lastName}. ${EMAIL_FAILED}`,
  };
});

export const resendInvitationAction = defineAction({ role: "admin", schema: StaffTargetSchema }, async ({ input: { userId }, user: actor }) => {
  const { emailSent } = await resendStaffInvitation({ actor, userId });
  return emailSent
    ? { status: "success", message: "Invitation renvoyée (lien valable 72 heures)." }
    : { status: "error", message: EMAIL_FAILED };
});

export const setStaffStatusAction = defineAction({ role: "admin", schema: SetStaffStatusSchema }, async ({ input: { userId, status }, user: actor }) => {
  if (status === "DISABLED") await disableStaffMember({ actor, userId });
  else await enableStaffMember({ actor, userId });
  revalidatePath("/admin/personnel");
  return {
    status: "success",
    message: status === "DISABLED" ? "Compte désactivé : ses sessions ouvertes sont fermées." : "Compte réactivé.",
  };
});

export const changeRoleAction = defineAction({ role: "admin", schema: ChangeStaffRoleSchema }, async ({ input: { userId, role }, user: actor }) => {
  await changeStaffRole({ actor, userId, role });
  revalidatePath("/admin/personnel");
  return { status: "success", message: "Rôle modifié." };
});
