import "server-only";
import { assertActor } from "@/lib/auth/roles";
import { recordAudit, type Actor } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { describeTariffDefaults } from "@/lib/catalogue/rules";
import { FALLBACK_SETTINGS, WEEKDAYS, tariffDefaultsOf, type SettingsDto } from "./index";
import { SETTINGS_FIELD_LABELS, type SettingsInput } from "./schemas";

const KEYS = Object.keys(SETTINGS_FIELD_LABELS) as (keyof SettingsDto)[];

function sameValue(key: keyof SettingsDto, a: SettingsDto, b: SettingsDto) {
  if (key === "openingHours") return WEEKDAYS.every((d) => (a.openingHours[d] ?? "") === (b.openingHours[d] ?? ""));
  if (key === "residentCities") return a.residentCities.join("\n") === b.residentCities.join("\n");
  return a[key] === b[key];
}

/**
 * Writes the single settings row (created on first save) and records which
 * settings changed. Saving an unchanged form writes nothing.
 */
export async function updateSettings({
  actor,
  input,
}: {
  actor: Actor;
  input: SettingsInput;
}): Promise<{ changed: string[] }> {
  assertActor(actor, "admin", "Seul un administrateur peut modifier les paramètres.");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.authoritySettings.findUnique({ where: { id: 1 } });
    const before: SettingsDto = row
      ? { ...row, openingHours: (row.openingHours ?? {}) as SettingsDto["openingHours"] }
      : FALLBACK_SETTINGS;
    const changed = KEYS.filter((key) => !row || !sameValue(key, before, input));
    if (changed.length === 0) return { changed: [] };
    const data = { ...input, openingHours: input.openingHours as Record<string, string> };
    await tx.authoritySettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    const fields = changed.map((key) => SETTINGS_FIELD_LABELS[key]);
    // A change of the pricing rule reads in the journal as the rule before → after.
    const ruleChanged = row != null && changed.some((key) => key === "defaultTariffRegime" || key === "defaultTariffQf");
    const tariffRule = ruleChanged
      ? { from: describeTariffDefaults(tariffDefaultsOf(before)), to: describeTariffDefaults(tariffDefaultsOf(input)) }
      : {};
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.update",
      targetType: "AuthoritySettings",
      targetId: "1",
      details: { label: "Paramètres de la collectivité", fields, ...tariffRule },
    });
    return { changed: fields };
  });
}
