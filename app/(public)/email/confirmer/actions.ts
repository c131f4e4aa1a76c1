"use server";

import { z } from "zod";
import { confirmEmailChange } from "@/lib/families/account";
import { formDataToObject, handleForm, type FormState } from "@/lib/forms";

const ConfirmSchema = z.object({ jeton: z.string().min(1, "Ce lien est incomplet.") });

export async function confirmEmailChangeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(ConfirmSchema, formDataToObject(formData), async ({ jeton }) => {
    const { email } = await confirmEmailChange(jeton);
    return { status: "success", message: `Votre adresse mail est maintenant ${email}.` };
  });
}
