"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { defineAction } from "@/lib/actions";
import { LoginSchema } from "@/lib/validation/fields";

export const loginAction = defineAction({ role: "public", schema: LoginSchema }, async ({ input: { login, password } }) => {
  try {
    await signIn("credentials", { login, password, redirectTo: "/" });
  } catch (error) {
    if (error instanceof CredentialsSignin) return { status: "error", message: error.code, values: { login } };
    if (error instanceof AuthError) {
      return { status: "error", message: "La connexion a échoué. Réessayez dans un instant.", values: { login } };
    }
    throw error;
  }
});
