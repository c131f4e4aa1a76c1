import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/forms";
import { getSettings, loadRetentionSettings, loadTariffDefaults } from "@/lib/settings";
import { SettingsSchema, parseOpeningHours } from "@/lib/settings/schemas";
import { updateSettings } from "@/lib/settings/update";
import { retentionRules } from "@/lib/privacy/retention";

const form = (overrides: Record<string, string> = {}) => ({
  name: "Communauté de communes Les Avant-Monts",
  portalName: "Portail Famille",
  address1: "ZAE L'Audacieuse",
  address2: "",
  postalCode: "34480",
  city: "Magalas",
  phone: "0467360751",
  email: "Jeunesse@Avant-Monts.fr",
  website: "www.avant-monts.fr",
  regieName: "Régie Périscolaire",
  regieReference: "R-34-0421",
  siret: "213 401 578 00009",
  paymentTermDays: "30",
  legalNotice: "Éditeur : la communauté de communes.\r\n\r\nHébergeur : …",
  accessibility: "Conformité partielle.",
  cgu: "Conditions d'utilisation du portail.",
  userGuide: "Notice.",
  hours_lundi: "08:00-12:00 13:30-17:30",
  hours_mardi: "8h-12h 13h30-17h30",
  hours_mercredi: "08:00 - 12:00",
  hours_jeudi: "",
  hours_vendredi: "08:00-12:00 13:30-17:00",
  hours_samedi: "",
  hours_dimanche: "",
  defaultTariffRegime: "RG",
  defaultTariffQf: "",
  ...overrides,
});

async function createUser(role: "ADMIN" | "STAFF") {
  const db = await getDb();
  const id = randomBytes(4).toString("hex");
  const user = await db.user.create({
    data: { identifiant: id, email: `${id}@mairie.fr`, lastName: "Admin", firstName: "Alice", role, status: "ACTIVE" },
  });
  return { id: user.id, role: user.role };
}

describe("SIRET and payment term", () => {
  it("keeps the 14 digits of a SIRET pasted with spaces, and refuses one whose control key is wrong", () => {
    const ok = SettingsSchema.safeParse(form());
    expect(ok.success && ok.data.siret).toBe("21340157800009");
    const typo = SettingsSchema.safeParse(form({ siret: "21340157800019" }));
    expect(typo.success).toBe(false);
    if (!typo.success) expect(fieldErrors(typo.error).siret).toMatch(/clé de contrôle/);
    const short = SettingsSchema.safeParse(form({ siret: "2134015780" }));
    if (!short.success) expect(fieldErrors(short.error).siret).toMatch(/14 chiffres/);
    expect(short.success).toBe(false);
    const none = SettingsSchema.safeParse(form({ siret: "" }));
    expect(none.success && none.data.siret).toBe("");
  });

  it("takes a payment term between 1 and 90 days", () => {
    for (const bad of ["0", "91", "trente", ""]) {
      const parsed = SettingsSchema.safeParse(form({ paymentTermDays: bad }));
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(fieldErrors(parsed.error).paymentTermDays).toMatch(/entre 1 et 90/);
    }
    const parsed = SettingsSchema.safeParse(form({ paymentTermDays: "45" }));
    expect(parsed.success && parsed.data.paymentTermDays).toBe(45);
  });
});

describe("opening hours", () => {
  it("normalises what staff type into one format", () => {
    expect(parseOpeningHours("8h-12h 13h30-17h30")).toEqual({ ok: true, value: "08:00-12:00 13:30-17:30" });
    expect(parseOpeningHours(" 08:00 – 12:00 ; 14:00-18:00 ")).toEqual({ ok: true, value: "08:00-12:00 14:00-18:00" });
    expect(parseOpeningHours("")).toEqual({ ok: true, value: "" });
  });

  it.each([
    ["matin", /n'est pas une plage/],
    ["08:00-25:00", /n'existe pas/],
    ["08:75-12:00", /n'existe pas/],
    ["12:00-08:00", /fin doit suivre/],
    ["08:00-12:00 11:00-14:00", /chevaucher/],
    ["08:00", /n'est pas une plage/],
    ["1-2 3-4 5-6 7-8 9-10", /au plus 4/],
  ])("refuses %s", (text, message) => {
    const parsed = parseOpeningHours(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.message).toMatch(message);
  });
});

describe("settings", () => {
  it("refuses a form with bad opening hours, naming the day's field", () => {
    const parsed = SettingsSchema.safeParse(form({ hours_lundi: "08:00-12:00 13:30-12:00", postalCode: "3448" }));
    expect(parsed.success).toBe(false);
    const errors = fieldErrors(parsed.error!);
    expect(errors.hours_lundi).toMatch(/fin doit suivre/);
    expect(errors.postalCode).toMatch(/5 chiffres/);
    expect(errors.hours_mardi).toBeUndefined();
  });

  it("refuses an empty public page text", () => {
    const parsed = SettingsSchema.safeParse(form({ cgu: "  \n " }));
    expect(parsed.success).toBe(false);
    expect(fieldErrors(parsed.error!).cgu).toMatch(/ne peut pas rester vide/);
  });

  it("saves the single settings row, audited, and reports what changed", async () => {
    const actor = await createUser("ADMIN");
    const input = SettingsSchema.parse(form());
    expect(input.openingHours).toEqual({
      lundi: "08:00-12:00 13:30-17:30",
      mardi: "08:00-12:00 13:30-17:30",
      mercredi: "08:00-12:00",
      vendredi: "08:00-12:00 13:30-17:00",
    });
    expect(input.website).toBe("https://www.avant-monts.fr/");
    expect(input.email).toBe("jeunesse@avant-monts.fr");
    expect(input.phone).toBe("04 67 36 07 51");
    expect(input.legalNotice).toBe("Éditeur : la communauté de communes.\n\nHébergeur : …");

    const first = await updateSettings({ actor, input });
    expect(first.changed).toContain("horaires d'accueil");
    const settings = await getSettings();
    expect(settings).toMatchObject({ name: "Communauté de communes Les Avant-Monts", regieName: "Régie Périscolaire", address2: null });
    expect(settings.openingHours.jeudi).toBeUndefined();

    // Saving the same form again writes nothing.
    expect(await updateSettings({ actor, input })).toEqual({ changed: [] });

    const second = await updateSettings({ actor, input: SettingsSchema.parse(form({ hours_jeudi: "09:00-12:00", city: "Roujan" })) });
    expect(second.changed).toEqual(["ville", "horaires d'accueil"]);

    const db = await getDb();
    expect(await db.authoritySettings.count()).toBe(1);
    const events = await db.auditEvent.findMany({ where: { action: "settings.update" } });
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.actorId === actor.id)).toBe(true);
  });

  it("reads the pricing rule for households without a QF or a régime", () => {
    expect(SettingsSchema.parse(form())).toMatchObject({ defaultTariffRegime: "RG", defaultTariffQf: null });
    expect(SettingsSchema.parse(form({ defaultTariffRegime: "MSA", defaultTariffQf: " 1 200 " }))).toMatchObject({
      defaultTariffRegime: "MSA",
      defaultTariffQf: 1200,
    });
    const bad = SettingsSchema.safeParse(form({ defaultTariffRegime: "CAF", defaultTariffQf: "-5" }));
    expect(bad.success).toBe(false);
    const errors = fieldErrors(bad.error!);
    expect(errors.defaultTariffRegime).toMatch(/Choisissez le régime/);
    expect(errors.defaultTariffQf).toMatch(/entre 0 et 99 999/);
    expect(fieldErrors(SettingsSchema.safeParse(form({ defaultTariffQf: "850,5" })).error!).defaultTariffQf).toMatch(/chiffres/);
    const missing: Record<string, string> = form();
    delete missing.defaultTariffRegime;
    expect(fieldErrors(SettingsSchema.safeParse(missing).error!).defaultTariffRegime).toMatch(/Choisissez le régime/);
  });

  it("saves the pricing rule, audited with the rule before and after", async () => {
    const actor = await createUser("ADMIN");
    const db = await getDb();
    await updateSettings({ actor, input: SettingsSchema.parse(form()) });
    expect(await loadTariffDefaults(db)).toEqual({ regime: "RG", qf: null });

    const { changed } = await updateSettings({ actor, input: SettingsSchema.parse(form({ defaultTariffRegime: "MSA", defaultTariffQf: "900" })) });
    expect(changed).toEqual(["régime des familles sans régime", "QF des familles sans quotient familial"]);
    expect(await loadTariffDefaults(db)).toEqual({ regime: "MSA", qf: 900 });
    expect(await getSettings()).toMatchObject({ defaultTariffRegime: "MSA", defaultTariffQf: 900 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "settings.update" }, orderBy: { createdAt: "desc" } });
    expect(event.details).toMatchObject({
      fields: changed,
      from: "Familles sans quotient familial ou sans régime : tranche la plus haute du régime général",
      to: "Familles sans quotient familial ou sans régime : QF 900 du régime MSA",
    });

    // Back to the highest bracket: an empty QF.
    await updateSettings({ actor, input: SettingsSchema.parse(form({ defaultTariffRegime: "MSA" })) });
    expect(await loadTariffDefaults(db)).toEqual({ regime: "MSA", qf: null });
    await updateSettings({ actor, input: SettingsSchema.parse(form()) });
  });

  it("is for admins only", async () => {
    const agent = await createUser("STAFF");
    const error = await updateSettings({ actor: agent, input: SettingsSchema.parse(form()) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("FORBIDDEN");
  });
});

describe("campaign settings", () => {
  it("reads the resident towns one per line and the waiting list's offer hours, and saves them once", async () => {
    const parsed = SettingsSchema.parse(form({ residentCities: " Magalas \r\n\r\nPézenas\nRoujan\nPézenas\n", waitlistOfferHours: "72" }));
    expect(parsed.residentCities).toEqual(["Magalas", "Pézenas", "Roujan"]);
    expect(parsed.waitlistOfferHours).toBe(72);
    expect(SettingsSchema.parse(form()).waitlistOfferHours).toBe(48);
    for (const bad of ["0", "337", "deux jours", ""]) {
      const refused = SettingsSchema.safeParse(form({ waitlistOfferHours: bad }));
      expect(refused.success).toBe(false);
      if (!refused.success) expect(fieldErrors(refused.error).waitlistOfferHours).toBe("Indiquez la durée d'une proposition en heures, entre 1 et 336.");
    }

    const actor = await createUser("ADMIN");
    await updateSettings({ actor, input: SettingsSchema.parse(form()) });
    expect((await updateSettings({ actor, input: parsed })).changed).toEqual(["communes des résidents", "durée d'une proposition de la liste d'attente"]);
    const db = await getDb();
    expect(await db.authoritySettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ residentCities: ["Magalas", "Pézenas", "Roujan"], waitlistOfferHours: 72 });
    expect(await updateSettings({ actor, input: SettingsSchema.parse(form({ residentCities: "Magalas\nPézenas\nRoujan", waitlistOfferHours: "72" })) })).toEqual({ changed: [] });
    await db.authoritySettings.deleteMany({});
  });
});

describe("retention settings", () => {
  it("reads the five periods, bounded, with French errors, and saves them so the retention rules follow", async () => {
    const defaults = SettingsSchema.parse(form());
    expect(defaults).toMatchObject({
      retentionIdentityMonths: 1,
      retentionReplacedDocumentMonths: 3,
      retentionExpiredDocumentMonths: 12,
      retentionAccountingYears: 10,
      retentionAuditYears: 5,
    });
    const refusals: [string, string, string][] = [
      ["retentionIdentityMonths", "13", "Indiquez la conservation de la pièce d'identité en mois, entre 0 et 12."],
      ["retentionReplacedDocumentMonths", "trois", "Indiquez la conservation des documents remplacés ou refusés en mois, entre 0 et 24."],
      ["retentionExpiredDocumentMonths", "", "Indiquez la conservation des documents expirés en mois, entre 0 et 60."],
      ["retentionAccountingYears", "5", "Indiquez la conservation des factures et paiements en ans, entre 10 et 30."],
      ["retentionAuditYears", "0", "Indiquez la conservation du journal en ans, entre 1 et 10."],
    ];
    for (const [field, value, message] of refusals) {
      const refused = SettingsSchema.safeParse(form({ [field]: value }));
      expect(refused.success).toBe(false);
      if (!refused.success) expect(fieldErrors(refused.error)[field]).toBe(message);
    }

    const actor = await createUser("ADMIN");
    await updateSettings({ actor, input: defaults });
    const changed = SettingsSchema.parse(form({ retentionIdentityMonths: "0", retentionAccountingYears: "12" }));
    expect((await updateSettings({ actor, input: changed })).changed).toEqual(["conservation de la pièce d'identité", "conservation des factures et paiements"]);
    const settings = await loadRetentionSettings(await getDb());
    expect(settings).toMatchObject({ retentionIdentityMonths: 0, retentionAccountingYears: 12 });
    const rules = retentionRules(settings);
    expect(rules.find((r) => r.key === "identity")?.duration).toBe("effacée dès la vérification du compte");
    expect(rules.find((r) => r.key === "accounting")?.duration).toMatch(/^12 ans après la dernière opération/);
    await (await getDb()).authoritySettings.deleteMany({});
  });
});
