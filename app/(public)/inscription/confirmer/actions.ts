"use server";

import { redirect } from "next/navigation";
import { confirmEmail } from "@/lib/accounts/register";
import { AppError } from "@/lib/errors";
import { confirmErrorCode } from "./messages";

// A server action is a public endpoint: anything but a form reads as an empty token.
export async function confirmEmailAction(formData: unknown) {
  const token = formData instanceof FormData ? String(formData.get("token") ?? "") : "";
  try {
    await confirmEmail(token);
  } catch (error) {
    // A code, never the sentence: the page maps it to its own text.
    if (error instanceof AppError) redirect(`/inscription/confirmer?erreur=${confirmErrorCode(error)}`);
    throw error;
  }
  redirect("/inscription/confirmer?etat=confirme");
}
