"use server";

import { redirect } from "next/navigation";
import { confirmEmail } from "@/lib/accounts/register";
import { AppError } from "@/lib/errors";

export async function confirmEmailAction(formData: FormData) {
  const token = String(formData.get("token") ?? "");
  try {
    await confirmEmail(token);
  } catch (error) {
    if (error instanceof AppError) redirect(`/inscription/confirmer?erreur=${encodeURIComponent(error.message)}`);
    throw error;
  }
  redirect("/inscription/confirmer?etat=confirme");
}
