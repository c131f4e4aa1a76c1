"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { CampaignSchema, closeCampaignNow, saveCampaign } from "@/lib/campaigns/campaigns";
import { runAllocation } from "@/lib/campaigns/run";
import { formDataToObject, type FormState } from "@/lib/forms";
import { deliverQueuedEmails } from "@/lib/mail";
import { keepValues } from "../_lib/form-values";

/** The campaign being edited; none when the form creates one. */
const editedId = (formData: FormData) => (formData.get("id") as string | null) || undefined;

/** After a refusal the form shows what was typed, the ticked products included. */
function keepCampaignValues(state: FormState, formData: FormData) {
  const kept = keepValues(state, formData);
  if (kept.status !== "error") return kept;
  return { ...kept, values: { ...kept.values, productIds: formData.getAll("productIds").map(String).join(",") } };
}

export const saveCampaignAction = defineAction(
  {
    role: "staff",
    schema: CampaignSchema,
    read: (formData) => ({ ...formDataToObject(formData), productIds: formData.getAll("productIds") }),
    finish: keepCampaignValues,
  },
  async ({ input, user: actor, formData }) => {
    const { id } = await saveCampaign({ actor, id: editedId(formData), input });
    revalidatePath("/admin/campagnes");
    redirect(`/admin/campagnes/${id}?enregistree=1`);
  },
);

const CampaignIdSchema = z.object({ id: z.string().min(1, "Campagne introuvable.") });

export const closeCampaignAction = defineAction({ role: "staff", schema: CampaignIdSchema }, async ({ input: { id }, user: actor }) => {
  await closeCampaignNow({ actor, campaignId: id });
  revalidatePath("/admin/campagnes");
  redirect(`/admin/campagnes/${id}?close=1`);
});

export const launchAllocationAction = defineAction({ role: "staff", schema: CampaignIdSchema }, async ({ input: { id }, user: actor }) => {
  const run = await runAllocation({ actor, campaignId: id });
  // Sent once the answer is on its way; the maintenance run retries what is left.
  after(() => deliverQueuedEmails({ ids: run.emailIds, limit: run.emailIds.length }));
  revalidatePath("/admin/campagnes");
  redirect(`/admin/campagnes/${id}?attribuees=${run.attributed}&attente=${run.waitlisted}`);
});
