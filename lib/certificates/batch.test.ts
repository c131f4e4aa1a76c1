import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createCanteen, createFamily, createStaffActor, openDays } from "@/lib/bookings/testing";
import { dayToDate } from "@/lib/dates";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createPaidBookings } from "@/lib/factories";
import { renderTaxCertificatePdf } from "@/lib/billing/pdf/certificate-render";
import { issueTaxCertificateByReference, resumeCertificateBatches, runCertificateBatch, startCertificateBatch } from "./batch";
import { getTaxCertificatePdfData, listTaxCertificates } from "./documents";
import { taxCertificateCandidates } from "./tax";

const JANUARY = new Date("2027-01-15T09:00:00Z");
const pdfText = (pdf: Buffer) => execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString("utf8").replaceAll("\u00a0", " ").replaceAll("\u202f", " ");

/** Families that paid in 2026: one for a 3-year-old at the centre (eligible), one only for canteen meals. */
async function families() {
  const db = await getDb();
  const canteen = await createCanteen(db, { capacity: 10 });
  const centre = await createCanteen(db, { capacity: 10, tariffs: [{ regime: null, qfMin: 0, qfMax: null, unitPriceCents: 1500, validFrom: "2020-01-01" }] });
  await db.product.update({ where: { id: centre.product.id }, data: { taxCertificateEligible: true, sites: { set: [] } } });
  await openDays(db, canteen.product.id, ["2026-03-09"], 10);
  await openDays(db, centre.product.id, ["2026-03-09", "2026-03-10"], 10);
  const staff = await createStaffActor(db);
  const young = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
  await db.person.update({ where: { id: young.children[0].id }, data: { birthDate: dayToDate("2023-02-01") } });
  const meals = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
  await db.person.update({ where: { id: meals.children[0].id }, data: { birthDate: dayToDate("2023-02-01") } });
  const now = new Date("2026-03-02T08:00:00Z");
  await createPaidBookings(db, {
    actor: young.actor,
    staff,
    householdId: young.household.id,
    now,
    selections: ["2026-03-09", "2026-03-10"].map((date) => ({ personId: young.children[0].id, productId: centre.product.id, date })),
  });
  await createPaidBookings(db, {
    actor: meals.actor,
    staff,
    householdId: meals.household.id,
    now,
    selections: [{ personId: meals.children[0].id, productId: canteen.product.id, date: "2026-03-09" }],
  });
  return { db, staff, young, meals };
}

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : e));

describe("certificate batch", () => {
  it("issues a certificate and queues one email per family with an amount, once", async () => {
    const { db, staff, young, meals } = await families();
    expect(await codeOf(startCertificateBatch({ actor: young.actor, year: 2026, now: JANUARY }))).toBe("FORBIDDEN");
    const thisYear = await startCertificateBatch({ actor: staff, year: 2027, now: JANUARY }).catch((e: AppError) => e);
    expect(thisYear).toMatchObject({ code: "INVALID", message: "Choisissez une année terminée (au plus 2026)." });

    const batch = await startCertificateBatch({ actor: staff, year: 2026, now: JANUARY });
    expect(await codeOf(startCertificateBatch({ actor: staff, year: 2026, now: JANUARY }))).toBe("CONFLICT");
    expect(await db.auditEvent.count({ where: { action: "tax_certificate.batch", targetId: batch.id } })).toBe(1);
    const result = await runCertificateBatch(batch.id, { now: JANUARY, chunkSize: 1, deliver: false });
    expect(result).toMatchObject({ status: "DONE", done: batch.total, total: batch.total });
    expect(await resumeCertificateBatches(JANUARY)).toBe(0);

    const certificate = await db.taxCertificate.findUniqueOrThrow({ where: { householdId_year: { householdId: young.household.id, year: 2026 } } });
    expect(certificate).toMatchObject({ totalCents: 3000, batchId: batch.id });
    expect(certificate.emailedAt).not.toBeNull();
    expect(await db.taxCertificate.count({ where: { householdId: meals.household.id } })).toBe(0);
    const emails = await db.emailMessage.findMany({ where: { template: "tax-certificate", to: young.account.email } });
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toBe("Votre attestation fiscale 2026 est disponible");
    expect(emails[0].text).toContain("/factures/attestations");
    expect(await db.emailMessage.count({ where: { template: "tax-certificate", to: meals.account.email } })).toBe(0);

    // Generated again: the same figures replace the certificate, and the family is not told twice.
    const again = await startCertificateBatch({ actor: staff, year: 2026, now: JANUARY });
    expect(await resumeCertificateBatches(JANUARY)).toBe(1);
    expect(await db.certificateBatch.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({ status: "DONE", emailed: 0 });
    expect(await db.emailMessage.count({ where: { template: "tax-certificate", to: young.account.email } })).toBe(1);
    expect(await db.taxCertificate.count({ where: { householdId: young.household.id } })).toBe(1);

    // The family's list and PDF, drawn from the stored figures.
    expect(await listTaxCertificates(young.household.id)).toEqual([{ year: 2026, totalCents: 3000, issuedAt: JANUARY }]);
    const text = pdfText(await renderTaxCertificatePdf(await getTaxCertificatePdfData({ householdId: young.household.id, year: 2026 })));
    expect(text).toContain("Attestation fiscale — frais de garde 2026");
    expect(text).toContain("article 200 quater B du code général des impôts");
    expect(text).toContain("né(e) le 01/02/2023");
    expect(text).toMatch(/Total : 30,00 €/);
    expect(await codeOf(getTaxCertificatePdfData({ householdId: meals.household.id, year: 2026 }))).toBe("NOT_FOUND");
  });

  it("resumes from its progress: the families before it are not done again", async () => {
    const { db, staff, young } = await families();
    const batch = await startCertificateBatch({ actor: staff, year: 2026, now: JANUARY });
    const candidates = await taxCertificateCandidates(db, 2026);
    const at = candidates.indexOf(young.household.id);
    expect(at).toBeGreaterThanOrEqual(0);
    // As a restart leaves it: the chunks up to this family committed.
    await db.certificateBatch.update({ where: { id: batch.id }, data: { done: at + 1 } });
    expect(await resumeCertificateBatches(JANUARY)).toBe(1);
    expect(await db.taxCertificate.count({ where: { householdId: young.household.id } })).toBe(0);
    expect(await db.certificateBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "DONE", done: candidates.length });

    // Progress already past the end (the list shrank) ends the batch instead of looping.
    const next = await startCertificateBatch({ actor: staff, year: 2026, now: JANUARY });
    await db.certificateBatch.update({ where: { id: next.id }, data: { done: 10_000 } });
    expect(await runCertificateBatch(next.id, { now: JANUARY, deliver: false })).toMatchObject({ status: "DONE" });
  });

  it("one family's certificate, by its number: issued and emailed, refused in French when there is nothing to certify", async () => {
    const { db, staff, young, meals } = await families();
    const issued = await issueTaxCertificateByReference({ actor: staff, reference: young.household.reference, year: 2026, now: JANUARY });
    expect(issued).toMatchObject({ household: young.household.name, totalCents: 3000, emailed: true });
    expect(await db.taxCertificate.findUniqueOrThrow({ where: { householdId_year: { householdId: young.household.id, year: 2026 } } })).toMatchObject({ batchId: null, totalCents: 3000 });
    expect(await db.auditEvent.count({ where: { action: "tax_certificate.issue", targetId: young.household.id } })).toBe(1);
    const nothing = await issueTaxCertificateByReference({ actor: staff, reference: meals.household.reference, year: 2026, now: JANUARY }).catch((e: AppError) => e);
    expect(nothing).toMatchObject({ code: "INVALID", message: "Cette famille n'a rien payé en 2026 pour la garde d'un enfant de moins de 6 ans : aucune attestation à établir." });
    expect(await codeOf(issueTaxCertificateByReference({ actor: staff, reference: 999_999, year: 2026, now: JANUARY }))).toBe("NOT_FOUND");
    expect(await codeOf(issueTaxCertificateByReference({ actor: young.actor, reference: young.household.reference, year: 2026, now: JANUARY }))).toBe("FORBIDDEN");
  });
});
