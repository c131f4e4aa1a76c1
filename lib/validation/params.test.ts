import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { GET as invoicePdf } from "@/app/(famille)/factures/[id]/pdf/route";
import { GET as creditNotePdf } from "@/app/(famille)/factures/avoirs/[id]/pdf/route";
import { GET as staffCreditNotePdf } from "@/app/admin/avoirs/[id]/pdf/route";
import { GET as file } from "@/app/api/fichiers/[id]/route";
import HouseholdPage from "@/app/admin/familles/[id]/page";
import MemberPage, { generateMetadata as memberMetadata } from "@/app/(famille)/mon-espace/membres/[id]/page";
import PayInvoicePage from "@/app/(famille)/factures/[id]/payer/page";
import { requireIdParam } from "./params";

// Only the session is mocked: every id below would otherwise reach the real database.
const user = vi.hoisted(() => ({ current: null as Record<string, unknown> | null }));
vi.mock("@/lib/auth/dal", () => ({
  getCurrentUser: async () => user.current,
  requireRole: async () => user.current,
}));

const parent = { id: "cparent00000000000000000a", role: "PARENT", status: "ACTIVE", householdId: "chousehold000000000000000", personId: "cperson000000000000000000", firstName: "Élodie", lastName: "TEST" };
const staff = { id: "cstaff0000000000000000000", role: "STAFF", status: "ACTIVE", householdId: null };

const MALFORMED = ["\u0000", "abc\u0000def", "\ud800", "a".repeat(10_000), "../../etc/passwd", "%00"];

const call = (handler: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>, id: string) =>
  handler(new Request("http://localhost/x/pdf"), { params: Promise.resolve({ id }) });

async function digestOf(render: () => Promise<unknown>) {
  const error = await render().then(
    () => null,
    (e: unknown) => e,
  );
  return (error as { digest?: string } | null)?.digest ?? String(error);
}

beforeEach(() => {
  user.current = parent;
});

describe("ids taken from the URL", () => {
  it("would fail in PostgreSQL with a NUL, which is why they are checked first", async () => {
    const db = await getDb();
    await expect(db.invoice.findFirst({ where: { id: "abc\u0000def" } })).rejects.toThrow();
  });

  it.each(MALFORMED.map((id) => [JSON.stringify(id.slice(0, 20)), id]))("answer 404 from the PDF and file routes for %s", async (_label, id) => {
    for (const [who, handler] of [
      [parent, invoicePdf],
      [staff, invoicePdf],
      [parent, creditNotePdf],
      [staff, staffCreditNotePdf],
      [parent, file],
      [staff, file],
    ] as const) {
      user.current = who;
      const response = await call(handler, id);
      expect(response.status).toBe(404);
    }
  });

  it("send pages with a malformed id to the 404 page, title included", async () => {
    for (const id of MALFORMED) {
      user.current = staff;
      expect(await digestOf(() => HouseholdPage({ params: Promise.resolve({ id }) }))).toMatch(/404/);
      user.current = parent;
      expect(await digestOf(() => MemberPage({ params: Promise.resolve({ id }) }))).toMatch(/404/);
      expect(await digestOf(() => memberMetadata({ params: Promise.resolve({ id }) }))).toMatch(/404/);
      expect(await digestOf(() => PayInvoicePage({ params: Promise.resolve({ id }) }))).toMatch(/404/);
    }
  });

  it("still look up a well-formed id that does not exist, and answer the same 404", async () => {
    expect((await call(invoicePdf, "cmissing00000000000000000")).status).toBe(404);
    expect(await digestOf(async () => requireIdParam("cmissing00000000000000000"))).not.toMatch(/404/);
  });
});
