"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { discardPendingUpload, registerAccount } from "@/lib/accounts/register";
import { RegistrationSchema } from "@/lib/accounts/schemas";
import { defineInputAction } from "@/lib/actions";
import { clientAddress } from "@/lib/auth/client-address";

const REGISTERED_EMAIL_COOKIE = "inscription_email";

// A server action is a public endpoint: its argument can be anything a client posts.
export const registerAction = defineInputAction(
  {
    role: "public",
    schema: RegistrationSchema,
    finish: async (state, input) => {
      if (state.status === "error") {
        // Nothing of a refused registration stays behind, not even its document.
        const fields = input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
        await discardPendingUpload(stringOrUndefined(fields.fileId), stringOrUndefined(fields.fileClaim));
      }
      return state;
    },
  },
  async ({ input }) => {
    await registerAccount(input, { address: clientAddress(await headers()) });
    // The next page shows the address the email went to, without putting it in the URL.
    (await cookies()).set(REGISTERED_EMAIL_COOKIE, input.email, {
      httpOnly: true,
      sameSite: "lax",
      maxAge: 600,
      path: "/inscription",
    });
    redirect("/inscription/envoyee");
  },
);

const stringOrUndefined = (v: unknown) => (typeof v === "string" ? v : undefined);
