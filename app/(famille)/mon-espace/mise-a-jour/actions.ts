"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { confirmFileUpdate } from "@/lib/file-update";
import { formatDate } from "@/lib/format";

export const confirmFileUpdateAction = defineAction(
  { role: "parent", schema: z.object({ campaignId: z.string().min(1, "Cette mise à jour du dossier n'est plus ouverte.") }) },
  async ({ input: { campaignId }, user }) => {
    const { confirmedAt } = await confirmFileUpdate({ actor: user, householdId: user.householdId, campaignId });
    revalidatePath("/mon-espace/mise-a-jour");
    return { status: "success", message: `Dossier confirmé le ${formatDate(confirmedAt)}` };
  },
);
