import { recordAudit, type Actor } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { FALLBACK_SETTINGS, WEEKDAYS, type AuthoritySettingsDto } from "./index";
import { SETTINGS_FIELD_LABELS, type SettingsInput } from "./schemas";

const KEYS = Object.keys(SETTINGS_FIELD_LABELS) as (keyof AuthoritySettingsDto)[];

function sameValue(key: keyof AuthoritySettingsDto, a: AuthoritySettingsDto, b: AuthoritySettingsDto) {
  if (key === "openingHours") return WEEKDAYS.every((d) => (a.openingHours[d] ?? "") === (b.openingHours[d] ?? ""));
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
  if (actor.role !== "ADMIN") {
    throw new AppError("FORBIDDEN", "Seul un administrateur peut modifier les paramètres.");
  }
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.authoritySettings.findUnique({ where: { id: 1 } });
    const before: AuthoritySettingsDto = row
      ? { ...row, openingHours: (row.openingHours ?? {}) as AuthoritySettingsDto["openingHours"] }
      : FALLBACK_SETTINGS;
    const changed = KEYS.filter((key) => !row || !sameValue(key, before, input));
    if (changed.length === 0) return { changed: [] };
    const data = { ...input, openingHours: input.openingHours as Record<string, string> };
    await tx.authoritySettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    const fields = changed.map((key) => SETTINGS_FIELD_LABELS[key]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.update",
      targetType: "AuthoritySettings",
      targetId: "1",
      details: { label: "Paramètres de la collectivité", fields },
    });
    return { changed: fields };
  });
}
