import { describe, expect, it } from "vitest";
import { createCanteen, openDays } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { addTariff, deleteTariff } from "./admin";
import { openMonth, setSlotCapacity, setSlotClosed } from "./calendar";

describe("catalogue and calendar changes are journaled", () => {
  it("records who opened a month, set a tariff, changed a capacity and closed a day", async () => {
    const db = await getDb();
    const staff = await db.user.create({
      data: { identifiant: "c0ffee01", email: "agent-cat@x.fr", firstName: "A", lastName: "B", role: "STAFF", status: "ACTIVE" },
    });
    const actor = { id: staff.id, role: "STAFF" as const };
    const canteen = await createCanteen(db);
    await openMonth({ actor, productId: canteen.product.id, month: "2026-05", weekdays: [4] });
    const tariff = await addTariff({
      actor,
      input: { productId: canteen.product.id, regime: "RG", qfMin: 0, qfMax: null, unitPriceCents: 300, validFrom: "2026-09-01", validTo: null } as never,
    });
    await deleteTariff({ actor, id: tariff.id });
    const [slot] = await openDays(db, canteen.product.id, ["2026-06-11"], 10);
    await setSlotCapacity({ actor, slotId: slot.id, capacity: 12 });
    await setSlotClosed({ actor, slotId: slot.id, closed: true });
    const events = await db.auditEvent.findMany({ where: { actorId: staff.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual([
      "calendar.open_month",
      "catalogue.tariff_add",
      "catalogue.tariff_delete",
      "calendar.capacity",
      "calendar.close_day",
    ]);
    expect(events[3].details).toMatchObject({ from: "10", to: "12" });
  });
});
