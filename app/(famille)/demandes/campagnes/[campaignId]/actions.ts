"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { CampaignRequestSchema, saveCampaignRequests } from "@/lib/campaigns/requests";
import { formatDateTime } from "@/lib/format";

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

/**
 * The form names each child's fields after the child (`jours-<id>`,
 * `premier-<id>`…) and lists the children shown in `enfant`: every child
 * listed is part of the request, ticked or not.
 */
function readRequest(formData: FormData) {
  return {
    campaignId: text(formData.get("campaignId")),
    workingParents: formData.get("parentsTravaillent") === "on",
    children: formData.getAll("enfant").map((value) => {
      const personId = text(value);
      return {
        personId,
        days: formData.getAll(`jours-${personId}`).map(text),
        firstProductId: text(formData.get(`premier-${personId}`)) || undefined,
        secondProductId: text(formData.get(`second-${personId}`)) || undefined,
        together: formData.get(`ensemble-${personId}`) === "on",
      };
    }),
  };
}

/** "Envoyer ma demande": replaces the household's request in the campaign while its window is open. */
export const saveCampaignRequestAction = defineAction(
  { role: "parent", schema: CampaignRequestSchema, read: readRequest },
  async ({ input, user }) => {
    const result = await saveCampaignRequests({ actor: { id: user.id }, householdId: user.householdId, ...input });
    revalidatePath(`/demandes/campagnes/${input.campaignId}`);
    if (result.children === 0) return { status: "success", message: "Votre demande est retirée : aucun jour n'est demandé." };
    return { status: "success", message: `Votre demande est enregistrée. Vous pouvez la modifier jusqu'au ${formatDateTime(result.closesAt)}.` };
  },
);
