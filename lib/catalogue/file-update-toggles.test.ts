import { describe, expect, it } from "vitest";
import { createStaffActor, uniqueSuffix } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { getProductForStaff, listServicesWithProducts, ProductSchema, saveProduct, saveService, ServiceSchema } from "./admin";

// The two yes/no rules of issue 14, as the forms post them: a ticked box is "on", an unticked one is absent.
describe("catalogue toggles: the yearly update per service, the tax certificate per product", () => {
  it("saves each box ticked and unticked and journals the change only when it changes", async () => {
    const db = await getDb();
    const actor = await createStaffActor(db);
    const name = `Accueil de loisirs ${uniqueSuffix()}`;
    const service = await saveService({ actor, input: ServiceSchema.parse({ name, active: "on", requiresFileUpdate: "on" }) });
    expect(service).toMatchObject({ requiresFileUpdate: true });
    await saveService({ actor, id: service!.id, input: ServiceSchema.parse({ name, active: "on" }) });
    expect((await listServicesWithProducts()).find((s) => s.id === service!.id)).toMatchObject({ requiresFileUpdate: false });

    const fields = { serviceId: service!.id, name: "Journée", deadlineDays: "2", deadlineTime: "10:00", openMonthsAhead: "2", defaultCapacity: "40", active: "on" };
    const product = await saveProduct({ actor, input: ProductSchema.parse({ ...fields, taxCertificateEligible: "on" }) });
    expect(await getProductForStaff(product!.id)).toMatchObject({ taxCertificateEligible: true });
    await saveProduct({ actor, id: product!.id, input: ProductSchema.parse({ ...fields, taxCertificateEligible: "on" }) });
    await saveProduct({ actor, id: product!.id, input: ProductSchema.parse(fields) });
    expect(await getProductForStaff(product!.id)).toMatchObject({ taxCertificateEligible: false });

    const events = await db.auditEvent.findMany({ where: { actorId: actor.id }, orderBy: { createdAt: "asc" }, select: { action: true, details: true } });
    expect(events.map((e) => [e.action, (e.details as Record<string, unknown>).requiresFileUpdate ?? (e.details as Record<string, unknown>).taxCertificateEligible ?? null])).toEqual([
      ["catalogue.service", true],
      ["catalogue.service", false],
      ["catalogue.product", true],
      ["catalogue.product", null],
      ["catalogue.product", false],
    ]);
  });
});
