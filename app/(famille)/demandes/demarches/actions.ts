"use server";

import { redirect } from "next/navigation";
import { defineInputAction } from "@/lib/actions";
import { discardUnclaimedUploads } from "@/lib/documents";
import { SubmitRequestSchema, submitRequest } from "@/lib/requests";

/** "Envoi" of a démarche: the files are already uploaded; this attaches them with the request. */
export const submitRequestAction = defineInputAction(
  {
    role: "parent",
    schema: SubmitRequestSchema,
    // A refused request leaves none of its uploads behind.
    finish: async (state, input) => {
      if (state.status === "error") {
        const parsed = SubmitRequestSchema.shape.uploads.safeParse((input as { uploads?: unknown } | null)?.uploads);
        if (parsed.success) await discardUnclaimedUploads(parsed.data);
      }
      return state;
    },
  },
  async ({ input, user }) => {
    const { requestId } = await submitRequest({ actor: { id: user.id, householdId: user.householdId }, ...input });
    redirect(`/demandes/demarches/${encodeURIComponent(requestId)}?envoyee=1`);
  },
);
