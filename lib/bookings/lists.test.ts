import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createBooking } from "@/lib/factories";
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
});
