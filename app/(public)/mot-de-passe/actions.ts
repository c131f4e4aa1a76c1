"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/register";
import { NewPasswordSchema, ResetRequestSchema } from "@/lib/accounts/schemas";
import { defineAction } from "@/lib/actions";
import { clientAddress } from "@/lib/auth/client-address";

export const requestResetAction = defineAction({ role: "public", schema: ResetRequestSchema }, async ({ input: { login } }) => {
  // The account lookup and the email run after the answer: its timing must not tell whether the account exists.
  await requestPasswordReset(login, { address: clientAddress(await headers()), later: after });
  return {
    status: "success",
    message:
      "Si un compte correspond à cet identifiant ou à cet email, un lien de réinitialisation vient d'y être envoyé. Il est valable 1 heure.",
  };
});

export const newPasswordAction = defineAction({ role: "public", schema: NewPasswordSchema }, async ({ input: { token, password } }) => {
  await resetPassword(token, password);
  redirect("/connexion?message=mot-de-passe-modifie");
});
