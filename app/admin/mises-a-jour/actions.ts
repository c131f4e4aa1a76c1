"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { closeFileUpdateCampaign, createFileUpdateCampaign, FileUpdateCampaignSchema } from "@/lib/file-update";
import { keepValues } from "../_lib/form-values";

export const createFileUpdateCampaignAction = defineAction(
  { role: "staff", schema: FileUpdateCampaignSchema, finish: keepValues },
  async ({ input, user: actor }) => {
    const campaign = await createFileUpdateCampaign({ actor, input });
    revalidatePath("/admin/mises-a-jour");
    redirect(`/admin/mises-a-jour/${campaign.id}`);
  },
);

export const closeFileUpdateCampaignAction = defineAction(
  { role: "staff", schema: z.object({ id: z.string().min(1, "Campagne introuvable.") }) },
  async ({ input: { id }, user: actor }) => {
    await closeFileUpdateCampaign({ actor, campaignId: id });
    revalidatePath("/admin/mises-a-jour");
    return { status: "success", message: "Campagne clôturée : les familles ne la voient plus et les réservations ne l'exigent plus." };
  },
);
