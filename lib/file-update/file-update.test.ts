import { beforeEach, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/lib/db/client";
import { dayToDate, type Day } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { completeChildFile } from "@/lib/factories";
import { holdBookings } from "@/lib/bookings/hold";
import { getBookingGrid } from "@/lib/bookings/queries";
import { getFamilyCalendar } from "@/lib/bookings/calendar";
import { createCanteen, createFamily, createStaffActor, newSubmissionKey, openDays, uniqueSuffix } from "@/lib/bookings/testing";
import {
  addMonthsToDay,
  closeFileUpdateCampaign,
  confirmFileUpdate,
  createFileUpdateCampaign,
  expiredDocuments,
  FileUpdateCampaignSchema,
  getFamilyFileUpdate,
  getFileUpdateCampaign,
  listFileUpdateCampaigns,
  pendingHouseholdsCsv,
} from "./index";

// Wednesday 3 June 2026, 10:00 Paris: the campaign prepares the school year starting 1 September.
const NOW = new Date("2026-06-03T08:00:00Z");
const CAMPAIGN = { label: "Rentrée 2026", schoolYearStart: "2026-09-01", deadline: "2026-07-15", message: "Merci de vérifier votre dossier." };
const REFUSAL = "Mettez à jour votre dossier famille avant de réserver à partir du 01/09/2026 (Mon espace › Mise à jour du dossier).";

// Campaigns are authority-wide: each test starts with none open.
beforeEach(async () => {
  const db = await getDb();
  await db.fileUpdateCampaign.updateMany({ where: { closedAt: null }, data: { closedAt: NOW } });
});

async function openCampaign(input: Partial<typeof CAMPAIGN> = {}) {
  const db = await getDb();
  const staff = await createStaffActor(db);
  const campaign = await createFileUpdateCampaign({ actor: staff, input: FileUpdateCampaignSchema.parse({ ...CAMPAIGN, ...input }), now: NOW });
  return { db, staff, campaign };
}

async function documentType(db: Db, validityMonths: number | null) {
  return db.documentType.create({ data: { code: `T_${uniqueSuffix().toUpperCase()}`, label: "Justificatif de domicile", validityMonths } });
}

/** A document as the upload flow leaves it, reviewed (or not) by staff. */
async function sendDocument(
  db: Db,
  spec: { householdId: string; personId: string; typeId: string; status: "VALIDATED" | "PENDING" | "REFUSED"; reviewedAt?: Day; createdAt: Day; replacesId?: string },
) {
  const key = uniqueSuffix() + uniqueSuffix();
  const file = await db.storedFile.create({
    data: { driver: "local", storageKey: key, originalName: "facture.pdf", mimeType: "application/pdf", size: 1000, sha256: key, status: "ATTACHED" },
  });
  if (spec.replacesId) await db.document.update({ where: { id: spec.replacesId }, data: { replacedAt: dayToDate(spec.createdAt) } });
  return db.document.create({
    data: {
      householdId: spec.householdId,
      personId: spec.personId,
      typeId: spec.typeId,
      fileId: file.id,
      status: spec.status,
      reviewedAt: spec.reviewedAt ? dayToDate(spec.reviewedAt) : null,
      createdAt: dayToDate(spec.createdAt),
      replacesId: spec.replacesId ?? null,
    },
  });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("campaign validation", () => {
  it("refuses a deadline that has passed, a school year out of range and a missing label, in French", async () => {
    const bad = FileUpdateCampaignSchema.safeParse({ label: "", schoolYearStart: "01/09/2026", deadline: "" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      "Indiquez le libellé.",
      "Date invalide (jj/mm/aaaa).",
      "Indiquez la date limite.",
    ]);
    const db = await getDb();
    const staff = await createStaffActor(db);
    const before = await db.fileUpdateCampaign.count();
    const past = await refusal(
      createFileUpdateCampaign({ actor: staff, input: FileUpdateCampaignSchema.parse({ ...CAMPAIGN, deadline: "2026-06-03" }), now: NOW }),
    );
    expect(past.fieldErrors).toEqual({ deadline: "La date limite doit être postérieure à aujourd'hui." });
    const far = await refusal(
      createFileUpdateCampaign({ actor: staff, input: FileUpdateCampaignSchema.parse({ ...CAMPAIGN, schoolYearStart: "2030-09-01" }), now: NOW }),
    );
    expect(far.fieldErrors?.schoolYearStart).toBe("Le début de l'année scolaire doit tomber entre il y a un an et dans 18 mois.");
    expect(await db.fileUpdateCampaign.count()).toBe(before);
    // A parent cannot open one.
    const family = await createFamily(db, { schoolClassId: (await createCanteen(db)).schoolClass.id });
    await expect(createFileUpdateCampaign({ actor: family.actor, input: FileUpdateCampaignSchema.parse(CAMPAIGN), now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("creates the campaign and journals it", async () => {
    const { db, staff, campaign } = await openCampaign();
    expect(campaign).toMatchObject({ label: "Rentrée 2026", schoolYearStart: dayToDate("2026-09-01"), deadline: dayToDate("2026-07-15"), closedAt: null });
    expect(await db.auditEvent.findFirst({ where: { actorId: staff.id, action: "file_update.save" } })).toMatchObject({ targetId: campaign.id });
  });

  it("adds months to a day the way validity is counted", () => {
    expect(addMonthsToDay("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonthsToDay("2026-03-10", 12)).toBe("2027-03-10");
    expect(addMonthsToDay("2026-06-03", -12)).toBe("2025-06-03");
  });
});

describe("confirming the file", () => {
  it("is refused while a child's file has gaps or a document expired, then accepted once, idempotently", async () => {
    const { db, campaign } = await openCampaign();
    const canteen = await createCanteen(db);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const emma = family.children[0];
    const domicile = await documentType(db, 3);
    const forever = await documentType(db, null);
    // Validated on 10 January: valid 3 months, expired since 10 April.
    const old = await sendDocument(db, { householdId: family.household.id, personId: family.parent.id, typeId: domicile.id, status: "VALIDATED", reviewedAt: "2026-01-10", createdAt: "2026-01-08" });
    await sendDocument(db, { householdId: family.household.id, personId: family.parent.id, typeId: forever.id, status: "VALIDATED", reviewedAt: "2020-01-10", createdAt: "2020-01-08" });
    const confirm = () => confirmFileUpdate({ actor: family.actor, householdId: family.household.id, campaignId: campaign.id, now: NOW });

    const first = await refusal(confirm());
    expect(first.code).toBe("INVALID");
    expect(Object.values(first.fieldErrors ?? {})).toEqual([
      "Emma : Fiche santé à compléter",
      "Emma : Personne à prévenir en cas d'urgence à indiquer",
      "Emma : Autorisations à donner ou refuser",
      "Justificatif de domicile (Claire " + family.parent.lastName + ") : à renvoyer, expiré depuis le 10/04/2026",
    ]);
    expect(first.message).toBe("4 éléments manquent encore à votre dossier :");

    await completeChildFile(db, { personId: emma.id });
    const second = await refusal(confirm());
    expect(Object.keys(second.fieldErrors ?? {})).toEqual([`document-${old.id}`]);
    expect(second.message).toBe("Un élément manque encore à votre dossier :");
    expect(await db.fileUpdateConfirmation.count({ where: { householdId: family.household.id } })).toBe(0);

    // The new version waits for staff: it counts as sent.
    await sendDocument(db, { householdId: family.household.id, personId: family.parent.id, typeId: domicile.id, status: "PENDING", createdAt: "2026-06-02", replacesId: old.id });
    expect(await expiredDocuments(db, family.household.id, NOW)).toEqual([]);

    const [a, b] = await Promise.all([confirm(), confirm()]);
    expect([a.already, b.already].sort()).toEqual([false, true]);
    expect((await confirm()).already).toBe(true);
    expect(await db.fileUpdateConfirmation.findMany({ where: { householdId: family.household.id } })).toMatchObject([
      { campaignId: campaign.id, confirmedById: family.actor.id },
    ]);
    expect(await db.auditEvent.count({ where: { action: "file_update.confirm", targetId: family.household.id } })).toBe(1);

    const page = await getFamilyFileUpdate({ householdId: family.household.id, now: NOW });
    expect(page).toMatchObject({ campaign: { id: campaign.id, deadline: "2026-07-15" }, confirmedAt: NOW, expiredDocuments: [] });
    expect(page?.children).toMatchObject([{ personId: emma.id, gaps: [] }]);
  });

  it("a refused re-sent version leaves the expired one to send again; a validated recent one is not expired", async () => {
    const db = await getDb();
    const family = await createFamily(db, { schoolClassId: (await createCanteen(db)).schoolClass.id });
    const qf = await documentType(db, 12);
    const expired = await sendDocument(db, { householdId: family.household.id, personId: family.parent.id, typeId: qf.id, status: "VALIDATED", reviewedAt: "2025-05-01", createdAt: "2025-05-01" });
    await sendDocument(db, { householdId: family.household.id, personId: family.parent.id, typeId: qf.id, status: "REFUSED", createdAt: "2026-06-01", replacesId: undefined });
    expect((await expiredDocuments(db, family.household.id, NOW)).map((d) => [d.id, d.expiredOn])).toEqual([[expired.id, "2026-05-01"]]);
    await sendDocument(db, { householdId: family.household.id, personId: family.parent.id, typeId: qf.id, status: "VALIDATED", reviewedAt: "2026-06-02", createdAt: "2026-06-01" });
    expect(await expiredDocuments(db, family.household.id, NOW)).toEqual([]);
  });

  it("shows the campaign staff opened last, and one confirmation answers every open campaign", async () => {
    const { db, campaign: september } = await openCampaign();
    const { campaign: april } = await openCampaign({ label: "Printemps 2027", schoolYearStart: "2027-04-01", deadline: "2026-09-30" });
    const family = await createFamily(db, { schoolClassId: (await createCanteen(db)).schoolClass.id });
    await completeChildFile(db, { personId: family.children[0].id });
    expect(await getFamilyFileUpdate({ householdId: family.household.id, now: NOW })).toMatchObject({ campaign: { id: april.id, label: "Printemps 2027" }, confirmedAt: null });
    await confirmFileUpdate({ actor: family.actor, householdId: family.household.id, campaignId: april.id, now: NOW });
    const confirmed = await db.fileUpdateConfirmation.findMany({ where: { householdId: family.household.id }, select: { campaignId: true } });
    expect(confirmed.map((c) => c.campaignId).sort()).toEqual([april.id, september.id].sort());
    expect(await db.auditEvent.findFirst({ where: { action: "file_update.confirm", targetId: family.household.id } })).toMatchObject({
      details: { campaignIds: [april.id, september.id] },
    });
  });

  it("answers 'not open' for a closed campaign and shows nothing when none is open", async () => {
    const { db, staff, campaign } = await openCampaign();
    const family = await createFamily(db, { schoolClassId: (await createCanteen(db)).schoolClass.id });
    await closeFileUpdateCampaign({ actor: staff, campaignId: campaign.id, now: NOW });
    await expect(confirmFileUpdate({ actor: family.actor, householdId: family.household.id, campaignId: campaign.id, now: NOW })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Cette mise à jour du dossier n'est plus ouverte.",
    });
    expect(await getFamilyFileUpdate({ householdId: family.household.id, now: NOW })).toBeNull();
  });
});

describe("staff progress", () => {
  it("counts the families that confirmed among those with children, and lists the others with a CSV", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    const concerned = () => db.household.count({ where: { closedAt: null, members: { some: { quality: "ENFANT" } } } });
    const before = await concerned();
    const { campaign } = await openCampaign();
    const families = [];
    for (let i = 0; i < 3; i++) families.push(await createFamily(db, { schoolClassId: canteen.schoolClass.id }));
    // A household without children is not asked.
    await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 0 });
    await completeChildFile(db, { personId: families[0].children[0].id });
    await confirmFileUpdate({ actor: families[0].actor, householdId: families[0].household.id, campaignId: campaign.id, now: NOW });

    const listed = (await listFileUpdateCampaigns()).find((c) => c.id === campaign.id);
    expect(listed).toMatchObject({ confirmed: 1, total: before + 3 });
    const detail = (await getFileUpdateCampaign(campaign.id))!;
    expect(detail.confirmations).toMatchObject([{ householdId: families[0].household.id, byName: `Claire ${families[0].parent.lastName}`, confirmedAt: NOW }]);
    const pendingIds = detail.pending.map((p) => p.householdId);
    expect(pendingIds).toEqual(expect.arrayContaining([families[1].household.id, families[2].household.id]));
    expect(pendingIds).not.toContain(families[0].household.id);
    const csv = pendingHouseholdsCsv(detail);
    expect(csv).toContain(`"${families[1].household.name}"`);
    expect(csv).not.toContain(`"${families[0].household.name}"`);
    expect(await getFileUpdateCampaign("inconnue")).toBeNull();
  });
});

describe("the booking rule", () => {
  async function world({ requires = true } = {}) {
    const { db, campaign } = await openCampaign();
    // Four months open from June: September is bookable.
    const canteen = await createCanteen(db, { openMonthsAhead: 4 });
    await db.service.update({ where: { id: canteen.service.id }, data: { requiresFileUpdate: requires } });
    await openDays(db, canteen.product.id, ["2026-06-09", "2026-09-03"], 10);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const hold = (date: Day, productId = canteen.product.id) =>
      holdBookings({
        actor: family.actor,
        householdId: family.household.id,
        selections: [{ personId: family.children[0].id, productId, date }],
        submissionKey: newSubmissionKey(),
        now: NOW,
      });
    return { db, campaign, canteen, family, hold };
  }

  it("refuses a day from the school year start until the family confirms; the grid and the calendar agree", async () => {
    const { db, campaign, canteen, family, hold } = await world();
    await expect(hold("2026-09-03")).rejects.toMatchObject({ code: "INVALID", message: REFUSAL });
    // Before the school year, the rule does not apply.
    await expect(hold("2026-06-09")).resolves.toMatchObject({ reused: false });

    const grid = await getBookingGrid({ householdId: family.household.id, productId: canteen.product.id, children: "tous", month: "2026-09", now: NOW });
    expect(grid.days.find((d) => d.day === "2026-09-03")?.cells[family.children[0].id]).toBe("ineligible");
    const calendar = await getFamilyCalendar({ householdId: family.household.id, month: "2026-09", now: NOW });
    const key = `${family.children[0].id}|${canteen.product.id}`;
    expect(calendar.weeks.flatMap((w) => w.days).find((d) => d.day === "2026-09-03")?.cells[key]?.state).toBe("ineligible");

    await completeChildFile(db, { personId: family.children[0].id });
    await confirmFileUpdate({ actor: family.actor, householdId: family.household.id, campaignId: campaign.id, now: NOW });
    const after = await getBookingGrid({ householdId: family.household.id, productId: canteen.product.id, children: "tous", month: "2026-09", now: NOW });
    expect(after.days.find((d) => d.day === "2026-09-03")?.cells[family.children[0].id]).toBe("available");
    await expect(hold("2026-09-03")).resolves.toMatchObject({ reused: false });
  });

  it("the hold reads the rule again in its transaction: a campaign opened after pricing still refuses", async () => {
    const { db, canteen, family } = await world();
    await db.fileUpdateCampaign.updateMany({ where: { closedAt: null }, data: { closedAt: NOW } });
    const staff = await createStaffActor(db);
    // The real client, except that staff open the campaign the moment the hold's transaction starts (after pricing passed).
    const racing = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== "$transaction") return Reflect.get(target, property, receiver);
        return async (...args: Parameters<Db["$transaction"]>) => {
          await createFileUpdateCampaign({ actor: staff, input: FileUpdateCampaignSchema.parse(CAMPAIGN), now: NOW });
          return (target.$transaction as (...a: unknown[]) => Promise<unknown>)(...args);
        };
      },
    });
    await expect(
      holdBookings({
        actor: family.actor,
        householdId: family.household.id,
        selections: [{ personId: family.children[0].id, productId: canteen.product.id, date: "2026-09-03" }],
        submissionKey: newSubmissionKey(),
        now: NOW,
        db: racing,
      }),
    ).rejects.toMatchObject({ code: "INVALID", message: REFUSAL });
    expect(await db.booking.count({ where: { personId: family.children[0].id } })).toBe(0);
  });

  it("tells the family which services wait for its confirmation", async () => {
    const { canteen, family } = await world();
    const page = await getFamilyFileUpdate({ householdId: family.household.id, now: NOW });
    expect(page?.requiringServices).toContain(canteen.service.name);
  });

  it("leaves services without the rule alone", async () => {
    const { hold } = await world({ requires: false });
    await expect(hold("2026-09-03")).resolves.toMatchObject({ reused: false });
  });

  it("lifts the rule once staff close the campaign", async () => {
    const { db, campaign, hold } = await world();
    await closeFileUpdateCampaign({ actor: await createStaffActor(db), campaignId: campaign.id, now: NOW });
    await expect(hold("2026-09-03")).resolves.toMatchObject({ reused: false });
  });
});
