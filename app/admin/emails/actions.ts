"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { retryEmail } from "@/lib/mail/staff";

export const retryEmailAction = defineAction(
  { role: "staff", schema: z.object({ emailId: z.string().min(1).max(64) }) },
  async ({ input: { emailId }, user: actor }) => {
    const { sent } = await retryEmail({ actor, emailId });
    revalidatePath("/admin/emails");
    revalidatePath("/admin");
    return sent
      ? { status: "success", message: "Le message est parti." }
      : { status: "error", message: "Le message n'est toujours pas parti : il reste dans la file et sera réessayé." };
  },
);
