import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seed } from "@/prisma/seed-data";
import { getFamilyFileUpdate } from "./index";

// The demo as `npm run db:seed` leaves it, for the parts issue 14 adds.
describe("demo data for the yearly update and the certificates", () => {
  it("opens one campaign for the next school year without any service requiring it, sets validities and eligible products, and seeds once", async () => {
    const db = await getDb();
    expect(await seed()).toBe(true);
    const campaigns = await db.fileUpdateCampaign.findMany({ where: { closedAt: null } });
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0].schoolYearStart.toISOString().slice(5, 10)).toBe("09-01");
    expect(await db.service.count({ where: { requiresFileUpdate: true } })).toBe(0);
    const validity = await db.documentType.findMany({ where: { code: { in: ["DOMICILE", "QF_CAF"] } }, orderBy: { code: "asc" }, select: { code: true, validityMonths: true } });
    expect(validity).toEqual([
      { code: "DOMICILE", validityMonths: 3 },
      { code: "QF_CAF", validityMonths: 12 },
    ]);
    const products = await db.product.findMany({ select: { name: true, taxCertificateEligible: true, service: { select: { name: true } } } });
    for (const p of products) expect([p.service.name, p.name, p.taxCertificateEligible]).toEqual([p.service.name, p.name, p.service.name !== "Cantine"]);
    const dupont = await db.person.findFirstOrThrow({ where: { firstName: "Emma", lastName: "DUPONT" } });
    expect(await getFamilyFileUpdate({ householdId: dupont.householdId })).toMatchObject({ campaign: { id: campaigns[0].id }, confirmedAt: null });
    expect(await seed()).toBe(false);
    expect(await db.fileUpdateCampaign.count()).toBe(1);
  });
});
