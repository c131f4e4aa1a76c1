import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { completeChildFile, createBooking } from "@/lib/factories";
import { createCanteen, createFamily, createStaffActor, openDays } from "./testing";
import { countAbsenceReportsToDecide } from "@/lib/absences";
import { dayList, dayListCsv } from "./lists";

const DAY = "2026-06-09";
const NOW = new Date("2026-06-08T08:00:00Z");

describe("day lists and absences", () => {
  it("lists a child reported absent as absent, pending or freed, instead of dropping them; the CSV says so in its own column", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    await openDays(db, canteen.product.id, [DAY], 10);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 4 });
    const [emma, lucas, lea, hugo] = family.children;
    const staff = await createStaffActor(db);
    const book = (personId: string, status: "CONFIRMED" | "ABSENT" | "CANCELLED") =>
      createBooking(db, { productId: canteen.product.id, personId, householdId: family.household.id, day: DAY, unitPriceCents: 250, status });
    await book(emma.id, "CONFIRMED");
    const lucasBooking = await book(lucas.id, "CONFIRMED");
    const leaBooking = await book(lea.id, "ABSENT");
    await book(hugo.id, "CANCELLED");
    const absence = (bookingId: string, personId: string, status: "PENDING" | "APPROVED", reason: "MALADIE" | "AUTRE") =>
      db.absence.create({
        data: {
          householdId: family.household.id,
          personId,
          bookingId,
          reportId: `report-${bookingId}`,
          reason,
          status,
          ...(status === "APPROVED" ? { decidedById: staff.id, decidedAt: NOW, creditCents: 250 } : {}),
        },
      });
    const before = await countAbsenceReportsToDecide();
    await absence(lucasBooking.id, lucas.id, "PENDING", "MALADIE");
    await absence(leaBooking.id, lea.id, "APPROVED", "AUTRE");
    // Only the report still waiting for staff counts in the menu.
    expect(await countAbsenceReportsToDecide()).toBe(before + 1);

    const list = await dayList({ productId: canteen.product.id, day: DAY, now: NOW });
    const byName = Object.fromEntries(list.rows.map((r) => [r.firstName, r]));
    // Hugo's day was cancelled: he is not expected and was never reported absent.
    expect(Object.keys(byName).sort()).toEqual(["Emma", "Lucas", "Léa"]);
    expect(byName.Emma).toMatchObject({ status: "CONFIRMED", absence: null });
    expect(byName.Lucas).toMatchObject({ status: "CONFIRMED", absence: { status: "PENDING", reason: "MALADIE" } });
    expect(byName["Léa"]).toMatchObject({ status: "ABSENT", absence: { status: "APPROVED", reason: "AUTRE" } });
    // Léa's place was freed; Lucas keeps his until staff decide.
    expect(list).toMatchObject({ expected: 1, absent: 2, placesTaken: 2, capacity: 10 });

    const lines = dayListCsv(list).replace("\uFEFF", "").trim().split("\r\n");
    expect(lines[0].split(";").at(-1)).toBe('"Absence"');
    const cells = (firstName: string) => lines.find((l) => l.includes(`"${firstName}"`))!.split(";").slice(-2);
    expect(cells("Emma")).toEqual(['"Confirmée"', '""']);
    expect(cells("Lucas")).toEqual(['"Confirmée"', '"Absent (à valider) — Maladie"']);
    expect(cells("Léa")).toEqual(['"Place libérée"', '"Absent — Autre"']);
  });

  it("marks each child with their diets and a PAI valid that day, counts them over the children expected, and exports them", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    await openDays(db, canteen.product.id, [DAY], 10);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 4 });
    const [emma, lucas, lea, hugo] = family.children;
    const diet = (label: string) => db.diet.upsert({ where: { label }, create: { label }, update: {}, select: { id: true } });
    const [porc, vege] = [await diet("Sans porc"), await diet("Végétarien")];
    await completeChildFile(db, { personId: emma.id, pai: { validUntil: DAY }, dietIds: [porc.id] });
    await completeChildFile(db, { personId: lucas.id, dietIds: [porc.id, vege.id] });
    // Léa is absent: her diet and PAI cost no meal that day.
    await completeChildFile(db, { personId: lea.id, pai: { validUntil: "2026-12-31" }, dietIds: [porc.id] });
    // Hugo's PAI ended the day before.
    await completeChildFile(db, { personId: hugo.id, pai: { validUntil: "2026-06-08" } });
    for (const [child, status] of [[emma, "CONFIRMED"], [lucas, "CONFIRMED"], [lea, "ABSENT"], [hugo, "CONFIRMED"]] as const) {
      await createBooking(db, { productId: canteen.product.id, personId: child.id, householdId: family.household.id, day: DAY, unitPriceCents: 250, status });
    }

    const list = await dayList({ productId: canteen.product.id, day: DAY, now: NOW });
    const byName = Object.fromEntries(list.rows.map((r) => [r.firstName, r]));
    expect(byName.Emma).toMatchObject({ diets: ["Sans porc"], pai: true, allergies: true });
    expect(byName.Lucas).toMatchObject({ diets: ["Sans porc", "Végétarien"], pai: false, allergies: false });
    expect(byName.Hugo).toMatchObject({ diets: [], pai: false });
    expect(list.health).toEqual({ diets: [{ label: "Sans porc", count: 2 }, { label: "Végétarien", count: 1 }], pai: 1 });

    // Printed a week ahead, while Hugo's PAI still runs, the list judges it on its own day.
    expect((await dayList({ productId: canteen.product.id, day: DAY, now: new Date("2026-06-01T08:00:00Z") })).health.pai).toBe(1);

    const lines = dayListCsv(list).replace("\uFEFF", "").trim().split("\r\n");
    const header = lines[0].split(";");
    expect(header.slice(7, 9)).toEqual(['"Régimes"', '"PAI"']);
    const cells = (firstName: string) => lines.find((l) => l.includes(`"${firstName}"`))!.split(";").slice(7, 9);
    expect(cells("Emma")).toEqual(['"Sans porc"', '"Oui"']);
    expect(cells("Lucas")).toEqual(['"Sans porc, Végétarien"', '""']);
  });
});
