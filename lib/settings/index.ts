import { cache } from "react";
import { getDb } from "@/lib/db/client";

export const WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type AuthoritySettingsDto = {
  name: string;
  portalName: string;
  address1: string;
  address2: string | null;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  website: string | null;
  openingHours: Partial<Record<Weekday, string>>;
  regieName: string;
  legalNotice: string;
  accessibility: string;
  cgu: string;
  userGuide: string;
};

/** Used until the seed or an admin has written the settings row. */
export const FALLBACK_SETTINGS: AuthoritySettingsDto = {
  name: "Service Enfance-Jeunesse",
  portalName: "Portail Famille",
  address1: "Adresse à renseigner",
  address2: null,
  postalCode: "00000",
  city: "Commune",
  phone: "",
  email: "",
  website: null,
  openingHours: {},
  regieName: "Régie Enfance-Jeunesse",
  legalNotice: "Les mentions légales n'ont pas encore été renseignées.",
  accessibility: "La déclaration d'accessibilité n'a pas encore été renseignée.",
  cgu: "Les conditions générales d'utilisation n'ont pas encore été renseignées.",
  userGuide: "La notice d'utilisation n'a pas encore été renseignée.",
};

async function loadSettings(): Promise<AuthoritySettingsDto> {
  const db = await getDb();
  const row = await db.authoritySettings.findUnique({ where: { id: 1 } });
  if (!row) return FALLBACK_SETTINGS;
  const { id: _id, updatedAt: _updatedAt, openingHours, ...rest } = row;
  return { ...rest, openingHours: (openingHours ?? {}) as AuthoritySettingsDto["openingHours"] };
}

/** The authority's settings, read once per request. */
export const getSettings = cache(loadSettings);
