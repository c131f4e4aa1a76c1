import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/cron/route";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { acceptUpload } from "@/lib/files";
import { runMaintenance } from "./index";

describe("maintenance", () => {
  it("removes stale uploads, old login failures and rate-limit hits, and keeps recent ones", async () => {
    const db = await getDb();
    const now = new Date();
    const old = new Date(now.getTime() - 3 * 60 * 60_000);
    const pdf = new TextEncoder().encode("%PDF-1.4\ntrailer << >>\n%%EOF\n");
    const stale = await acceptUpload({ bytes: pdf, name: "a.pdf", address: "m1" });
    await db.storedFile.update({ where: { id: stale.fileId }, data: { createdAt: old } });
    const fresh = await acceptUpload({ bytes: pdf, name: "b.pdf", address: "m1" });
    await db.loginFailure.createMany({ data: [{ key: "login:x", createdAt: old }, { key: "login:x", createdAt: now }] });
    await db.rateLimitHit.create({ data: { key: "k", createdAt: new Date(now.getTime() - 25 * 60 * 60_000) } });

    const report = await runMaintenance(now);
    expect(report).toMatchObject({ staleUploads: 1, loginFailures: 1 });
    expect(report.rateLimitHits).toBeGreaterThanOrEqual(1);
    expect(await db.storedFile.findUnique({ where: { id: stale.fileId } })).toBeNull();
    expect(await db.storedFile.findUnique({ where: { id: fresh.fileId } })).not.toBeNull();
    expect(await db.loginFailure.count({ where: { key: "login:x" } })).toBe(1);
  });

  it("keeps the cron route closed without the secret", async () => {
    delete process.env.CRON_SECRET;
    resetEnvForTests();
    expect((await GET(new Request("http://x/api/cron"))).status).toBe(404);
    process.env.CRON_SECRET = "s3cret-for-tests";
    resetEnvForTests();
    expect((await GET(new Request("http://x/api/cron", { headers: { authorization: "Bearer wrong" } }))).status).toBe(404);
    const ok = await GET(new Request("http://x/api/cron", { headers: { authorization: "Bearer s3cret-for-tests" } }));
    expect(ok.status).toBe(200);
    expect((await ok.json()).ok).toBe(true);
    delete process.env.CRON_SECRET;
    resetEnvForTests();
  });
});
