"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { confirmEmail } from "@/lib/accounts/register";
import { defineFormAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { confirmErrorCode } from "./messages";

// Anything but a text token reads as an empty one, which confirmEmail refuses.
const ConfirmSchema = z.object({ token: z.string().catch("") });

export const confirmEmailAction = defineFormAction(
  { role: "public", schema: ConfirmSchema, refused: () => redirect("/inscription/confirmer?erreur=inconnue") },
  async ({ input: { token } }) => {
    try {
      await confirmEmail(token);
    } catch (error) {
      // A code, never the sentence: the page maps it to its own text.
      if (error instanceof AppError) redirect(`/inscription/confirmer?erreur=${confirmErrorCode(error)}`);
      throw error;
    }
    redirect("/inscription/confirmer?etat=confirme");
  },
);
