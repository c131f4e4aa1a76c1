import type { Actor } from "@/lib/audit";
import { parseDay } from "@/lib/dates";
import { createFileUpdateCampaign, suggestedDeadline, suggestedSchoolYearStart } from "@/lib/file-update";

/**
 * The demo's yearly update: open for the next school year, a month to answer,
 * no household confirmed yet. No demo service requires it (staff tick
 * "Dossier famille à jour exigé" in the catalogue to try the rule), so the
 * demo's bookings keep working whatever day the seed runs.
 */
export async function seedFileUpdateCampaign(actor: Actor, now = new Date()) {
  const schoolYearStart = suggestedSchoolYearStart(now);
  const { year } = parseDay(schoolYearStart);
  await createFileUpdateCampaign({
    actor,
    now,
    input: {
      label: `Mise à jour du dossier — rentrée ${year}`,
      schoolYearStart,
      deadline: suggestedDeadline(now),
      message:
        "Avant la rentrée, vérifiez votre adresse et votre quotient familial, complétez la fiche santé, les personnes à prévenir et les autorisations de chaque enfant, renvoyez les documents expirés, puis confirmez votre dossier.",
    },
  });
}
