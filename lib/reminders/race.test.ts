import { expect, it } from "vitest";
import { createCanteen, createFamily, heldCanteenDay, openDays } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { describeOnPostgres } from "@/lib/test/postgres";
import { queueDeadlineReminders, queueHoldReminders, setRemindersOptIn } from "./index";

// Two maintenance runs may overlap (a slow run and the next cron tick, or the
// cron route and `npm run maintenance`). Both see the reminder as not yet
// sent; only the one whose ReminderSent insert lands may queue the email.

const NOW = new Date("2026-06-04T12:00:00Z");
const RUNS = 8;

describeOnPostgres("reminders under overlapping maintenance runs (PostgreSQL)", () => {
  it("queues one deadline email per parent however many runs race", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db, { deadlineDays: 2 });
    await openDays(db, canteen.product.id, ["2026-06-08", "2026-06-09"], 30);
    const families = [];
    for (let i = 0; i < 3; i++) {
      const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
      await setRemindersOptIn({ userId: family.account.id, optIn: true });
      families.push(family);
    }
    const results = await Promise.allSettled(Array.from({ length: RUNS }, () => queueDeadlineReminders(NOW)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const queued = results.reduce((sum, r) => sum + (r.status === "fulfilled" ? r.value : 0), 0);
    expect(queued).toBe(families.length);
    for (const family of families) expect(await db.emailMessage.count({ where: { to: family.account.email } })).toBe(1);
  });

  it("queues one pending-invoice email however many runs race", async () => {
    const db = await getDb();
    const { family } = await heldCanteenDay(db, { now: new Date("2026-06-03T08:00:00Z") });
    await setRemindersOptIn({ userId: family.account.id, optIn: true });
    const heldUntil = (await db.booking.findFirstOrThrow({ where: { householdId: family.household.id } })).heldUntil!;
    const at = new Date(heldUntil.getTime() - 3 * 60_000);
    const results = await Promise.allSettled(Array.from({ length: RUNS }, () => queueHoldReminders(at)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await db.emailMessage.count({ where: { to: family.account.email } })).toBe(1);
  });
});
