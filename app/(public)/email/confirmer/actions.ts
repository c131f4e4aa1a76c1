"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { confirmEmailChange } from "@/lib/families/account";

const ConfirmSchema = z.object({ jeton: z.string().min(1, "Ce lien est incomplet.") });

export const confirmEmailChangeAction = defineAction({ role: "public", schema: ConfirmSchema }, async ({ input: { jeton } }) => {
  const { email } = await confirmEmailChange(jeton);
  return { status: "success", message: `Votre adresse mail est maintenant ${email}.` };
});
