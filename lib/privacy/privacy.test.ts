import { unzipSync } from "fflate";
import { subMonths } from "date-fns";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { recordAudit } from "@/lib/audit";
import { accountSummary } from "@/lib/billing/ledger";
import { createCanteen, createFamily, createStaffActor, openDays, uniqueSuffix } from "@/lib/bookings/testing";
import { getDb, type Db } from "@/lib/db/client";
import { completeChildFile, createBooking, createPaidBookings } from "@/lib/factories";
import { acceptUpload, claimFile } from "@/lib/files";
import { makePdf } from "@/lib/files/fixtures";
import type { ReviewStatus } from "@/lib/generated/prisma/client";
import { storageFor } from "@/lib/storage";
import { joinWaitlist } from "@/lib/waitlist";
import { cancelClosure, confirmClosure, countClosuresToConfirm, listClosuresToConfirm, requestClosure } from "./closure";
import { buildHouseholdExport } from "./export";
import { renderExportHtml } from "./export-html";
import { listOwnHistory } from "./history";
import { retentionRules } from "./retention";
import { monthsBefore, runRetention } from "./run-retention";

const claims = vi.hoisted(() => ({ current: null as { id: string; sv: number } | null }));
vi.mock("@/auth", () => ({ sessionClaims: async () => claims.current }));

const { householdDownload } = await import("./downloads");

const NOW = new Date("2026-06-03T08:00:00Z");
const AUTHORITY = "Communauté de communes de Test";

beforeEach(() => {
  claims.current = null;
});

async function storeDocument(
  db: Db,
  spec: { householdId: string; personId?: string; typeId: string; status?: ReviewStatus; reviewedAt?: Date; replacedAt?: Date; replacesId?: string; uploadedById: string },
) {
  const upload = await acceptUpload({ bytes: makePdf(), name: "justificatif été.pdf", address: "10.0.0.1", uploadedById: spec.uploadedById });
  await db.$transaction((tx) => claimFile(tx, upload));
  return db.document.create({
    data: {
      householdId: spec.householdId,
      personId: spec.personId,
      typeId: spec.typeId,
      fileId: upload.fileId,
      status: spec.status ?? "VALIDATED",
      reviewedAt: spec.reviewedAt ?? null,
      replacedAt: spec.replacedAt ?? null,
      replacesId: spec.replacesId ?? null,
    },
    include: { file: true },
  });
}

async function storeIdentity(db: Db, userId: string, reviewedAt: Date) {
  const upload = await acceptUpload({ bytes: makePdf(), name: "carte d'identité.pdf", address: "10.0.0.2", uploadedById: userId });
  await db.$transaction((tx) => claimFile(tx, upload));
  await db.user.update({ where: { id: userId }, data: { identityFileId: upload.fileId, reviewedAt } });
  return db.storedFile.findUniqueOrThrow({ where: { id: upload.fileId } });
}

const stored = async (file: { driver: string; storageKey: string }) => (await storageFor(file.driver).get(file.storageKey)) !== null;

/** A family with a year's worth of everything: paid days, a day to come, a child's file, documents, secrets. And a neighbour. */
async function families() {
  const db = await getDb();
  const canteen = await createCanteen(db, { capacity: 5 });
  await openDays(db, canteen.product.id, ["2026-06-09", "2026-06-11", "2026-06-30"], 5);
  const staff = await createStaffActor(db);
  const victim = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
  const other = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
  const child = victim.children[0];
  const paid = await createPaidBookings(db, {
    actor: victim.actor,
    staff,
    householdId: victim.household.id,
    selections: ["2026-06-09", "2026-06-11"].map((date) => ({ personId: child.id, productId: canteen.product.id, date })),
    now: NOW,
  });
  await createPaidBookings(db, {
    actor: other.actor,
    staff,
    householdId: other.household.id,
    selections: [{ personId: other.children[0].id, productId: canteen.product.id, date: "2026-06-09" }],
    now: NOW,
  });
  const future = await createBooking(db, { productId: canteen.product.id, personId: child.id, householdId: victim.household.id, day: "2026-06-30", unitPriceCents: 250 });
  await completeChildFile(db, { personId: child.id, byName: "Claire" });
  await db.healthFile.update({ where: { personId: child.id }, data: { staffNotes: "NOTE-DU-SERVICE-SECRETE", remarks: "<script>alert(1)</script>" } });
  await completeChildFile(db, { personId: other.children[0].id, byName: "Autre parent" });
  const type = await db.documentType.create({ data: { code: `DOM${uniqueSuffix()}`, label: "Justificatif de domicile", validityMonths: 3 } });
  const document = await storeDocument(db, { householdId: victim.household.id, personId: child.id, typeId: type.id, uploadedById: victim.account.id, reviewedAt: NOW });
  const otherDocument = await storeDocument(db, { householdId: other.household.id, typeId: type.id, uploadedById: other.account.id, reviewedAt: NOW });
  const identity = await storeIdentity(db, victim.account.id, NOW);
  await db.password.create({ data: { userId: victim.account.id, hash: "$argon2id$PASSWORD-HASH-SECRET" } });
  await db.token.create({ data: { userId: victim.account.id, purpose: "PASSWORD_RESET", tokenHash: `TOKEN-HASH-SECRET-${uniqueSuffix()}`, expiresAt: NOW } });
  await db.calendarFeed.create({ data: { householdId: victim.household.id, tokenHash: `FEED-HASH-SECRET-${uniqueSuffix()}`, label: "Téléphone de Claire" } });
  const staffUser = await db.user.findUniqueOrThrow({ where: { id: staff.id } });
  return { db, canteen, staff, staffUser, victim, other, child, paid, future, type, document, otherDocument, identity };
}

describe("buildHouseholdExport", () => {
  it("holds the household's own data, none of another household's, and no secret or staff identity", async () => {
    const { db, victim, other, child, paid, document, identity, staffUser } = await families();
    const data = await buildHouseholdExport(db, victim.household.id, NOW);
    expect(data.foyer.nom).toBe(victim.household.name);
    expect(data.membres.map((m) => m.prenom).sort()).toEqual(["Claire", "Emma"]);
    expect(data.comptes).toHaveLength(1);
    expect(data.comptes[0]).toMatchObject({ identifiant: victim.account.identifiant, email: victim.account.email, pieceIdentite: { taille: identity.size } });
    expect(data.factures.map((f) => f.numero)).toEqual([paid.number]);
    expect(data.paiements).toHaveLength(1);
    expect(data.compte.reduce((sum, e) => sum + e.montantCentimes, 0)).toBe(0);
    expect(data.reservations).toHaveLength(3);
    expect(data.documents).toEqual([expect.objectContaining({ id: document.id, type: "Justificatif de domicile", fichier: document.file.originalName })]);
    expect(data.fichesSante).toEqual([expect.objectContaining({ membreId: child.id, medecinTraitant: "Dr Martin" })]);
    expect(data.autorisations).toHaveLength(4);
    expect(data.personnesAutour).toHaveLength(1);
    expect(data.liensDAgenda).toEqual([expect.objectContaining({ nom: "Téléphone de Claire" })]);

    const json = JSON.stringify(data);
    for (const leak of [
      other.household.name,
      other.account.email,
      other.account.identifiant,
      "Autre parent",
      "PASSWORD-HASH-SECRET",
      "TOKEN-HASH-SECRET",
      "FEED-HASH-SECRET",
      document.file.storageKey,
      identity.storageKey,
      staffUser.email,
      staffUser.lastName,
      staffUser.id,
    ]) {
      expect(json).not.toContain(leak);
    }
    expect(json).not.toMatch(/hash|storageKey|claim|reviewedBy|handledBy|recordedBy|createdById/i);
    // The service's notes are not shown in the portal, but the right of access covers them.
    expect(data.fichesSante[0]).toMatchObject({ notesDuService: "NOTE-DU-SERVICE-SECRETE" });

    const html = renderExportHtml(data, { authorityName: AUTHORITY, rules: retentionRules({ retentionIdentityMonths: 1, retentionReplacedDocumentMonths: 3, retentionExpiredDocumentMonths: 12, retentionAccountingYears: 10, retentionAuditYears: 5 }) });
    expect(html).toContain("Dr Martin");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Emma FAMILLE");
    expect(html).toContain("Factures, paiements, avoirs et compte de la famille</strong> : 10 ans après la dernière opération");
    expect(html).not.toContain(other.household.name);
  });

  it("answers the signed-in parent's household only, as JSON, HTML and a ZIP of its files, audited; 404 for anyone else", async () => {
    const { db, victim, document, identity, staff } = await families();
    expect((await householdDownload("json")).status).toBe(404);
    claims.current = { id: staff.id, sv: 0 };
    expect((await householdDownload("json")).status).toBe(404);

    claims.current = { id: victim.account.id, sv: 0 };
    const json = await householdDownload("json", NOW);
    expect(json.status).toBe(200);
    expect(json.headers.get("Cache-Control")).toContain("no-store");
    expect(json.headers.get("Content-Disposition")).toBe(`attachment; filename="mes-donnees-famille-${victim.household.reference}.json"`);
    expect((await json.json()).foyer.nom).toBe(victim.household.name);

    const html = await householdDownload("html", NOW);
    expect(html.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(await html.text()).toContain(`Mes données — ${victim.household.name}`);

    const zip = await householdDownload("zip", NOW);
    expect(zip.headers.get("Content-Type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const names = Object.keys(files).sort();
    expect(names).toEqual(["LISEZ-MOI.txt", "documents/001-Justificatif-de-domicile-Emma-justificatif-ete.pdf", "piece-identite/002-Claire-carte-d-identite.pdf"]);
    expect(names.every((n) => /^[\x21-\x7e]+$/.test(n))).toBe(true);
    expect(files["documents/001-Justificatif-de-domicile-Emma-justificatif-ete.pdf"].byteLength).toBe(document.file.size);
    expect(files["piece-identite/002-Claire-carte-d-identite.pdf"].byteLength).toBe(identity.size);

    const audits = await db.auditEvent.findMany({ where: { action: "household.export", targetId: victim.household.id } });
    expect(audits.map((a) => (a.details as { format: string }).format).sort()).toEqual(["html", "json", "zip"]);
  });
});

describe("listOwnHistory", () => {
  it("names the family's own accounts and shows staff as the authority, hiding staff notes and other households", async () => {
    const { db, victim, other, child, staff, staffUser } = await families();
    await requestClosure({ actor: { id: victim.account.id, householdId: victim.household.id }, now: NOW });
    await db.$transaction(async (tx) => {
      await recordAudit(tx, { actorId: staff.id, action: "health.staff_notes", targetType: "Person", targetId: child.id, details: { label: "Emma" } });
      await recordAudit(tx, { actorId: staff.id, action: "document.validate", targetType: "Document", targetId: "x", details: { label: "Justificatif", householdId: victim.household.id } });
      await recordAudit(tx, { actorId: staff.id, action: "household.update", targetType: "Household", targetId: other.household.id, details: { label: other.household.name } });
    });
    const history = await listOwnHistory({ householdId: victim.household.id, authorityName: AUTHORITY });
    expect(history.find((e) => e.actionLabel === "Fermeture du compte demandée")?.who).toBe(`Claire ${victim.household.name}`);
    expect(history.find((e) => e.actionLabel === "Document validé")?.who).toBe(AUTHORITY);
    // The counter payment staff recorded for the family, on its invoice.
    expect(history.some((e) => e.who === AUTHORITY && e.actionLabel !== "Document validé")).toBe(true);
    expect(history.some((e) => e.actionLabel.startsWith("Notes du service"))).toBe(false);
    const text = JSON.stringify(history);
    expect(text).not.toContain(staffUser.lastName);
    expect(text).not.toContain(other.household.name);
  });
});

describe("closing an account", () => {
  it("asks, cancels and asks again; staff confirm once: personal data erased, accounting records kept", async () => {
    const { db, victim, other, child, paid, future, document, otherDocument, identity, staff } = await families();
    const actor = { id: victim.account.id, householdId: victim.household.id };
    const before = await countClosuresToConfirm();
    await requestClosure({ actor, now: NOW });
    await expect(requestClosure({ actor, now: NOW })).rejects.toMatchObject({ code: "CONFLICT", message: "La fermeture de votre compte est déjà demandée." });
    await cancelClosure({ actor });
    await expect(cancelClosure({ actor })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await countClosuresToConfirm()).toBe(before);
    await requestClosure({ actor, now: NOW });
    expect(await countClosuresToConfirm()).toBe(before + 1);
    expect((await listClosuresToConfirm()).find((c) => c.householdId === victim.household.id)).toMatchObject({ name: victim.household.name, balanceCents: 0 });

    await expect(confirmClosure({ actor: victim.actor, householdId: victim.household.id, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(confirmClosure({ actor: staff, householdId: other.household.id, now: NOW })).rejects.toMatchObject({ code: "CONFLICT" });

    const accounting = async () => ({
      invoices: await db.invoice.findMany({ where: { householdId: victim.household.id }, select: { number: true, totalCents: true, status: true, lines: { select: { label: true, totalCents: true } } } }),
      payments: await db.payment.findMany({ where: { householdId: victim.household.id }, select: { amountCents: true, status: true } }),
      ledger: await db.ledgerEntry.aggregate({ where: { householdId: victim.household.id }, _sum: { amountCents: true }, _count: true }),
      summary: await accountSummary(db, victim.household.id),
    });
    await db.payment.updateMany({ where: { householdId: victim.household.id }, data: { payerEmail: "claire@exemple.fr" } });
    const kept = await accounting();
    // The day to come is full; the neighbour waits for it.
    await db.slot.update({ where: { id: future.slotId }, data: { capacity: 1 } });
    await joinWaitlist({ actor: other.actor, householdId: other.household.id, personId: other.children[0].id, slotId: future.slotId, now: NOW });
    const report = await confirmClosure({ actor: staff, householdId: victim.household.id, now: NOW });
    expect(report).toEqual({ accounts: 1, documents: 1, cancelledBookings: 1 });
    expect(await countClosuresToConfirm()).toBe(before);

    const user = await db.user.findUniqueOrThrow({ where: { id: victim.account.id }, include: { password: true } });
    expect(user).toMatchObject({ status: "DISABLED", firstName: "Compte fermé", lastName: "Compte fermé", personId: null, identityFileId: null, phone: null, password: null, sessionVersion: 1 });
    expect(user.email).toBe(`compte-ferme-${user.id}@invalid.invalid`);
    expect(await db.token.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.storedFile.findUnique({ where: { id: identity.id } })).toBeNull();
    expect(await stored(identity)).toBe(false);
    expect(await db.document.findUnique({ where: { id: document.id } })).toBeNull();
    expect(await stored(document.file)).toBe(false);
    expect(await db.healthFile.count({ where: { personId: child.id } })).toBe(0);
    expect(await db.pickupPerson.count({ where: { personId: child.id } })).toBe(0);
    expect(await db.consent.count({ where: { personId: child.id } })).toBe(0);
    expect(await db.calendarFeed.count({ where: { householdId: victim.household.id } })).toBe(0);
    const person = await db.person.findUniqueOrThrow({ where: { id: child.id } });
    expect(person).toMatchObject({ firstName: "Emma", lastName: victim.household.name, birthDate: null, schoolClassId: null });
    expect((await db.booking.findUniqueOrThrow({ where: { id: future.id } })).status).toBe("CANCELLED");
    // The place the family gave up is offered to the waiting list at once.
    expect(await db.waitlistEntry.findFirstOrThrow({ where: { householdId: other.household.id, slotId: future.slotId } })).toMatchObject({ status: "OFFERED" });
    expect(await db.booking.count({ where: { invoiceId: paid.invoiceId, status: "CONFIRMED" } })).toBe(2);
    expect(await accounting()).toEqual(kept);
    expect(await db.payment.count({ where: { householdId: victim.household.id, payerEmail: { not: null } } })).toBe(0);
    const household = await db.household.findUniqueOrThrow({ where: { id: victim.household.id } });
    expect(household.closedAt).toEqual(NOW);
    expect(household).toMatchObject({ name: victim.household.name, address1: "1 rue de la Paix", qf: null, anonymisedAt: null });
    // The neighbour keeps everything.
    expect(await stored(otherDocument.file)).toBe(true);
    expect(await db.healthFile.count({ where: { personId: other.children[0].id } })).toBe(1);

    await expect(confirmClosure({ actor: staff, householdId: victim.household.id, now: NOW })).rejects.toMatchObject({ code: "CONFLICT", message: "Ce compte est déjà fermé." });
    expect(await db.auditEvent.count({ where: { action: "household.close", targetId: victim.household.id } })).toBe(1);
  });
});

describe("runRetention", () => {
  it("erases old identity files and documents replaced or expired past their period, keeps recent ones and invoices", async () => {
    const { db, victim, other, type, paid } = await families();
    const now = new Date();
    const oldIdentity = await storeIdentity(db, other.account.id, subMonths(now, 2));
    const recentIdentity = await storeIdentity(db, victim.account.id, subMonths(now, 0));
    const base = { householdId: victim.household.id, typeId: type.id, uploadedById: victim.account.id };
    const oldReplaced = await storeDocument(db, { ...base, reviewedAt: subMonths(now, 8), replacedAt: subMonths(now, 4) });
    const newer = await storeDocument(db, { ...base, reviewedAt: subMonths(now, 4), replacesId: oldReplaced.id });
    const recentReplaced = await storeDocument(db, { ...base, reviewedAt: subMonths(now, 3), replacedAt: subMonths(now, 1) });
    const refusedLongAgo = await storeDocument(db, { ...base, status: "REFUSED", reviewedAt: subMonths(now, 5) });
    // Valid 3 months, then kept 12: gone after 15 months.
    const expired = await storeDocument(db, { ...base, reviewedAt: subMonths(now, 16) });
    const stillKept = await storeDocument(db, { ...base, reviewedAt: subMonths(now, 14) });
    const oldEvent = await db.auditEvent.create({ data: { action: "household.update", targetType: "Household", targetId: victim.household.id, createdAt: subMonths(now, 61) } });
    const invoicesBefore = await db.invoice.count();

    const erased = await runRetention(now);
    expect(erased).toBeGreaterThanOrEqual(5);
    expect(await db.user.findUniqueOrThrow({ where: { id: other.account.id } })).toMatchObject({ identityFileId: null });
    expect(await stored(oldIdentity)).toBe(false);
    expect(await db.user.findUniqueOrThrow({ where: { id: victim.account.id } })).toMatchObject({ identityFileId: recentIdentity.id });
    expect(await stored(recentIdentity)).toBe(true);
    for (const gone of [oldReplaced, refusedLongAgo, expired]) {
      expect(await db.document.findUnique({ where: { id: gone.id } })).toBeNull();
      expect(await db.storedFile.findUnique({ where: { id: gone.fileId } })).toBeNull();
      expect(await stored(gone.file)).toBe(false);
    }
    for (const kept of [newer, recentReplaced, stillKept]) {
      expect(await db.document.findUnique({ where: { id: kept.id } })).not.toBeNull();
      expect(await stored(kept.file)).toBe(true);
    }
    expect((await db.document.findUniqueOrThrow({ where: { id: newer.id } })).replacesId).toBeNull();
    expect(await db.auditEvent.findUnique({ where: { id: oldEvent.id } })).toBeNull();
    expect(await db.invoice.count()).toBe(invoicesBefore);
    expect(await db.invoice.findUnique({ where: { id: paid.invoiceId } })).not.toBeNull();
    const history = await listOwnHistory({ householdId: victim.household.id, authorityName: AUTHORITY });
    expect(history.filter((e) => e.actionLabel === "Durées de conservation : données effacées").every((e) => e.who === AUTHORITY)).toBe(true);
    expect(history.some((e) => e.actionLabel === "Durées de conservation : données effacées")).toBe(true);
  });

  it("anonymises a closed household once the accounting period after its last operation is over, amounts untouched", async () => {
    const { db, victim, paid, staff } = await families();
    await requestClosure({ actor: { id: victim.account.id, householdId: victim.household.id }, now: NOW });
    await confirmClosure({ actor: staff, householdId: victim.household.id, now: NOW });
    const totals = async () => ({
      invoice: await db.invoice.findUniqueOrThrow({ where: { id: paid.invoiceId }, select: { number: true, totalCents: true, status: true } }),
      ledger: await db.ledgerEntry.aggregate({ where: { householdId: victim.household.id }, _sum: { amountCents: true }, _count: true }),
      payments: await db.payment.count({ where: { householdId: victim.household.id } }),
    });
    const before = await totals();
    const lastYear = new Date().getUTCFullYear();

    await runRetention(new Date(`${lastYear + 5}-01-01T00:00:00Z`));
    expect((await db.household.findUniqueOrThrow({ where: { id: victim.household.id } })).anonymisedAt).toBeNull();

    const later = new Date(`${lastYear + 11}-01-01T00:00:00Z`);
    await runRetention(later);
    const household = await db.household.findUniqueOrThrow({ where: { id: victim.household.id }, include: { members: true } });
    expect(household).toMatchObject({ name: `Famille anonymisée n° ${household.reference}`, address1: "Anonyme", city: "Anonyme", anonymisedAt: later });
    expect(household.members.every((m) => m.firstName === "Anonyme" && m.lastName === "Anonyme")).toBe(true);
    const labels = (await db.invoiceLine.findMany({ where: { invoiceId: paid.invoiceId } })).map((l) => l.label);
    expect(labels.every((l) => !l.includes("Emma"))).toBe(true);
    expect(labels[0]).toMatch(/^Anonyme /);
    expect(await totals()).toEqual(before);
  });
});

describe("monthsBefore", () => {
  it("counts whole months back, on the last day of a shorter month", () => {
    expect(monthsBefore(new Date("2026-03-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(monthsBefore(new Date("2026-01-15T00:00:00Z"), 13).toISOString()).toBe("2024-12-15T00:00:00.000Z");
    expect(monthsBefore(new Date("2028-02-29T00:00:00Z"), 12).toISOString()).toBe("2027-02-28T00:00:00.000Z");
    expect(monthsBefore(new Date("2026-05-05T00:00:00Z"), 0).toISOString()).toBe("2026-05-05T00:00:00.000Z");
  });
});
