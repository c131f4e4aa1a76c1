"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { type FormState, handleForm, formDataToObject } from "@/lib/forms";
import { LoginSchema } from "@/lib/validation/fields";

export async function loginAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(LoginSchema, formDataToObject(formData), async ({ login, password }) => {
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
}
