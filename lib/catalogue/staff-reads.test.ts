import { describe, expect, it } from "vitest";
import { createCanteen, createStaffActor } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { addClosure, addTariff, getProductForStaff, listServicesWithProducts, listSiteOptions } from "./admin";
import { listClosures } from "./calendar";

describe("staff reads of the catalogue return DTOs", () => {
  it("lists services with their products' tariff counts, a product with its grid and sites, and closures as days", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    const actor = await createStaffActor(db);
    await addTariff({
      actor,
      input: { productId: canteen.product.id, regime: "RG", qfMin: 0, qfMax: 300, unitPriceCents: 80, validFrom: "2026-09-01", validTo: undefined },
    });
    await addClosure({ actor, input: { label: "Vacances", startDate: "2026-10-17", endDate: "2026-11-02" } });

    const services = await listServicesWithProducts();
    const product = services.flatMap((s) => s.products).find((p) => p.id === canteen.product.id);
    expect(product).toMatchObject({ name: canteen.product.name, absenceCredit: "CERTIFICATE", absenceCarenceDays: 0 });
    expect(product?.tariffCount).toBeGreaterThanOrEqual(1);
    expect(product).not.toHaveProperty("_count");

    const detail = await getProductForStaff(canteen.product.id);
    expect(detail?.serviceName).toBeTruthy();
    expect(detail?.tariffs.some((t) => t.unitPriceCents === 80 && t.qfMax === 300)).toBe(true);
    expect(Array.isArray(detail?.siteIds)).toBe(true);
    expect(detail).not.toHaveProperty("sites");
    expect(await getProductForStaff("c".repeat(25))).toBeNull();

    expect((await listSiteOptions()).every((s) => Object.keys(s).sort().join() === "id,name")).toBe(true);
    expect(await listClosures()).toContainEqual(expect.objectContaining({ label: "Vacances", startDay: "2026-10-17", endDay: "2026-11-02" }));
  });
});
