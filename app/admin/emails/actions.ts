"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/dal";
import { type FormState, formDataToObject, handleForm } from "@/lib/forms";
import { retryEmail } from "@/lib/mail/staff";

export async function retryEmailAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  return handleForm(z.object({ emailId: z.string().min(1).max(64) }), formDataToObject(formData), async ({ emailId }) => {
    const { sent } = await retryEmail({ actor, emailId });
    revalidatePath("/admin/emails");
    revalidatePath("/admin");
    return sent
      ? { status: "success", message: "Le message est parti." }
      : { status: "error", message: "Le message n'est toujours pas parti : il reste dans la file et sera réessayé." };
  });
}
