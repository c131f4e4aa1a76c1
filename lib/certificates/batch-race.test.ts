import { describe, expect } from "vitest";
import { createCanteen, createFamily, createStaffActor, openDays } from "@/lib/bookings/testing";
import { dayToDate } from "@/lib/dates";
import { getDb } from "@/lib/db/client";
import { createPaidBookings } from "@/lib/factories";
import { itOnPostgres } from "@/lib/test/postgres";
import { runCertificateBatch, startCertificateBatch } from "./batch";

const JANUARY = new Date("2027-01-15T09:00:00Z");
const FAMILIES = 5;

// The batch started from the staff page runs after the answer; the
// maintenance run may take up the same batch while it works (it only sees
// "En cours"). Each chunk moves the progress only from the value it read,
// so overlapping runners never write a chunk twice nor email a family twice.
describe("certificate batch with overlapping runners", () => {
  itOnPostgres("certifies and emails each family once when three runners work the same batch", async () => {
    const db = await getDb();
    const centre = await createCanteen(db, { capacity: 20, tariffs: [{ regime: null, qfMin: 0, qfMax: null, unitPriceCents: 1500, validFrom: "2020-01-01" }] });
    await db.product.update({ where: { id: centre.product.id }, data: { taxCertificateEligible: true, sites: { set: [] } } });
    await openDays(db, centre.product.id, ["2026-03-09"], 20);
    const staff = await createStaffActor(db);
    const households: string[] = [];
    for (let i = 0; i < FAMILIES; i++) {
      const family = await createFamily(db, { schoolClassId: centre.schoolClass.id });
      await db.person.update({ where: { id: family.children[0].id }, data: { birthDate: dayToDate("2023-02-01") } });
      await createPaidBookings(db, {
        actor: family.actor,
        staff,
        householdId: family.household.id,
        now: new Date("2026-03-02T08:00:00Z"),
        selections: [{ personId: family.children[0].id, productId: centre.product.id, date: "2026-03-09" }],
      });
      households.push(family.household.id);
    }

    const batch = await startCertificateBatch({ actor: staff, year: 2026, now: JANUARY });
    const runs = await Promise.all([1, 2, 3].map(() => runCertificateBatch(batch.id, { now: JANUARY, chunkSize: 1, deliver: false })));

    const final = await db.certificateBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(final).toMatchObject({ status: "DONE", done: batch.total, total: batch.total, emailed: batch.total });
    // A runner that found another ahead of it steps aside and reports the batch as it then was.
    expect(runs.filter((r) => r.status === "FAILED")).toEqual([]);
    expect(await db.taxCertificate.count({ where: { householdId: { in: households }, year: 2026 } })).toBe(FAMILIES);
    const emails = await db.emailMessage.groupBy({ by: ["to"], where: { template: "tax-certificate" }, _count: true });
    expect(emails.filter((e) => e._count !== 1)).toEqual([]);
    expect(emails.length).toBe(batch.total);
  });
});
