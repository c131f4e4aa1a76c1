import "server-only";
import { cache } from "react";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { DEFAULT_TARIFF_DEFAULTS, type TariffDefaults } from "@/lib/catalogue/rules";
import type { Regime } from "@/lib/generated/prisma/client";

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
  /** The régie's reference at the DGFiP, printed on invoices; empty when not given */
  regieReference: string;
  /** 14 digits, printed on invoices and credit notes; empty when not given */
  siret: string;
  /** An invoice not tied to a hold is due this many days after it is issued */
  paymentTermDays: number;
  legalNotice: string;
  accessibility: string;
  cgu: string;
  userGuide: string;
};

/** How households without a valid QF or a régime are priced (see `priceFor`). */
export type TariffDefaultSettings = { defaultTariffRegime: Regime; defaultTariffQf: number | null };

/** Holiday-centre campaigns and waiting lists. */
export type CampaignSettings = {
  /** Towns whose households count as residents; empty = the authority's own town */
  residentCities: string[];
  /** A first-come waiting list's offer is kept this many hours (a campaign sets its own) */
  waitlistOfferHours: number;
};

/**
 * How long personal data is kept (RGPD). The maintenance run's retention
 * task, the family's "Mes données" and the staff's registre des traitements
 * all read these through `retentionRules`, so they cannot disagree.
 */
export type RetentionSettings = {
  /** The identity document sent at registration, after the account's review */
  retentionIdentityMonths: number;
  /** A document replaced, refused or deleted, after that happened */
  retentionReplacedDocumentMonths: number;
  /** A document whose validity ended, after it ended */
  retentionExpiredDocumentMonths: number;
  /** Invoices, payments and credit notes, after the last one (accounting law) */
  retentionAccountingYears: number;
  /** The audit log */
  retentionAuditYears: number;
};

/** Every setting, as the admin page edits them. */
export type SettingsDto = AuthoritySettingsDto & TariffDefaultSettings & CampaignSettings & RetentionSettings;

/** Used until the seed or an admin has written the settings row. */
export const FALLBACK_SETTINGS: SettingsDto = {
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
  regieReference: "",
  siret: "",
  paymentTermDays: 30,
  legalNotice: "Les mentions légales n'ont pas encore été renseignées.",
  accessibility: "La déclaration d'accessibilité n'a pas encore été renseignée.",
  cgu: "Les conditions générales d'utilisation n'ont pas encore été renseignées.",
  userGuide: "La notice d'utilisation n'a pas encore été renseignée.",
  defaultTariffRegime: DEFAULT_TARIFF_DEFAULTS.regime,
  defaultTariffQf: DEFAULT_TARIFF_DEFAULTS.qf,
  residentCities: [],
  waitlistOfferHours: 48,
  retentionIdentityMonths: 1,
  retentionReplacedDocumentMonths: 3,
  retentionExpiredDocumentMonths: 12,
  retentionAccountingYears: 10,
  retentionAuditYears: 5,
};

export function tariffDefaultsOf(settings: TariffDefaultSettings): TariffDefaults {
  return { regime: settings.defaultTariffRegime, qf: settings.defaultTariffQf };
}

/**
 * The pricing defaults alone, read with the caller's client so that a
 * booking transaction prices on the settings it sees.
 */
export async function loadTariffDefaults(db: Db | Tx): Promise<TariffDefaults> {
  const row = await db.authoritySettings.findUnique({
    where: { id: 1 },
    select: { defaultTariffRegime: true, defaultTariffQf: true },
  });
  return row ? tariffDefaultsOf(row) : DEFAULT_TARIFF_DEFAULTS;
}

const RETENTION_SELECT = {
  retentionIdentityMonths: true,
  retentionReplacedDocumentMonths: true,
  retentionExpiredDocumentMonths: true,
  retentionAccountingYears: true,
  retentionAuditYears: true,
} as const;

/** The retention periods alone, for the maintenance run (outside any request, so not cached). */
export async function loadRetentionSettings(db: Db | Tx): Promise<RetentionSettings> {
  const row = await db.authoritySettings.findUnique({ where: { id: 1 }, select: RETENTION_SELECT });
  return row ?? {
    retentionIdentityMonths: FALLBACK_SETTINGS.retentionIdentityMonths,
    retentionReplacedDocumentMonths: FALLBACK_SETTINGS.retentionReplacedDocumentMonths,
    retentionExpiredDocumentMonths: FALLBACK_SETTINGS.retentionExpiredDocumentMonths,
    retentionAccountingYears: FALLBACK_SETTINGS.retentionAccountingYears,
    retentionAuditYears: FALLBACK_SETTINGS.retentionAuditYears,
  };
}

async function loadSettings(): Promise<SettingsDto> {
  const db = await getDb();
  const row = await db.authoritySettings.findUnique({ where: { id: 1 } });
  if (!row) return FALLBACK_SETTINGS;
  const { id: _id, updatedAt: _updatedAt, openingHours, ...rest } = row;
  return { ...rest, openingHours: (openingHours ?? {}) as SettingsDto["openingHours"] };
}

/** The authority's settings, read once per request. */
export const getSettings = cache(loadSettings);
