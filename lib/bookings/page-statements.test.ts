import { describe, expect, it, vi } from "vitest";
import { countStatements } from "@/lib/test/count-statements";
import { getDb } from "@/lib/db/client";
import { holdBookings } from "@/lib/bookings/hold";
import { getBookingGrid } from "@/lib/bookings/queries";
import { getFamilyCalendar } from "@/lib/bookings/calendar";
import { createCanteen, createFamily, createStaffActor, newSubmissionKey, openDays } from "@/lib/bookings/testing";
import { listHouseholdInvoices } from "@/lib/billing/invoices";
import { recordCounterPayment } from "@/lib/billing/staff";
import { creditPaidInvoice } from "@/lib/billing/credit";
import { listHouseholdRequests } from "@/lib/requests";
import { getSettings } from "@/lib/settings";

// How many SQL statements one family page view costs, counted at the driver
// adapter (what the database receives, relations included): the layout's
// reads (the signed-in parent, the settings) and the page's. The session
// cookie is stood in for; within a request React's cache() reads the user
// once for the layout and the page, so it is read once here.

const NOW = new Date("2026-06-03T08:00:00Z");

const claims = vi.hoisted(() => ({ current: null as { id: string; sv: number } | null }));
vi.mock("@/auth", () => ({ sessionClaims: async () => claims.current }));
const { requireRole } = await import("@/lib/auth/dal");

const statements = countStatements();

/** A page view: the layout's reads, then the page's own with the parent the layout found. */
async function pageView<T>(page: (householdId: string) => Promise<T>): Promise<{ result: T; sql: string[] }> {
  statements.length = 0;
  const user = await requireRole("parent");
  await getSettings();
  const result = await page(user.householdId);
  return { result, sql: [...statements] };
}

async function world() {
  const db = await getDb();
  const canteen = await createCanteen(db, { capacity: 10 });
  await openDays(db, canteen.product.id, ["2026-06-09", "2026-06-11", "2026-06-12", "2026-06-15", "2026-06-16", "2026-06-18"], 10);
  const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 2 });
  const neighbour = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
  const hold = (f: typeof family, personId: string, dates: string[]) =>
    holdBookings({
      actor: f.actor,
      householdId: f.household.id,
      selections: dates.map((date) => ({ personId, productId: canteen.product.id, date })),
      submissionKey: newSubmissionKey(),
      now: NOW,
    });
  const staff = await createStaffActor(db);
  const paid = await hold(family, family.children[0].id, ["2026-06-09", "2026-06-11"]);
  await recordCounterPayment({ actor: staff, invoiceId: paid.invoiceId, method: "CASH", now: NOW });
  await creditPaidInvoice({ actor: staff, invoiceId: paid.invoiceId, amountCents: 100, reason: "Repas non servi", now: NOW });
  await hold(family, family.children[1].id, ["2026-06-15"]);
  await hold(neighbour, neighbour.children[0].id, ["2026-06-16"]);
  claims.current = { id: family.account.id, sv: family.account.sessionVersion };
  return { canteen, family, neighbour };
}

describe("statements per family page view", () => {
  it("the booking grid: 3 (the parent, the settings, the grid)", async () => {
    const { canteen } = await world();
    const { result, sql } = await pageView((householdId) =>
      getBookingGrid({ householdId, productId: canteen.product.id, children: "tous", now: NOW }),
    );
    expect(result.days).toHaveLength(6);
    expect(sql.length, sql.join("\n\n")).toBeLessThanOrEqual(3);
  });

  it("the family calendar: 3 (the parent, the settings, every child, product, day and booking of the month)", async () => {
    const { canteen } = await world();
    const { result, sql } = await pageView((householdId) => getFamilyCalendar({ householdId, month: "2026-06", now: NOW }));
    const rows = result.rows.filter((r) => r.productId === canteen.product.id);
    expect(rows).toHaveLength(2);
    expect(result.weeks.flatMap((w) => w.days).filter((d) => rows.some((r) => d.cells[r.key]))).toHaveLength(6);
    expect(sql.length, sql.join("\n\n")).toBeLessThanOrEqual(3);
  });

  it("Factures: 3 (the parent, the settings, the invoices with the account and the credit notes)", async () => {
    await world();
    const { result, sql } = await pageView((householdId) => listHouseholdInvoices({ householdId, now: NOW }));
    expect(result.invoices).toHaveLength(2);
    expect(result.creditNotes).toHaveLength(1);
    expect(sql.length, sql.join("\n\n")).toBeLessThanOrEqual(3);
  });

  it("Accueil: 4 (the parent, the settings, the invoices, the requests)", async () => {
    await world();
    const { sql } = await pageView(async (householdId) => {
      await listHouseholdInvoices({ householdId, now: NOW });
      await listHouseholdRequests({ householdId });
    });
    expect(sql.length, sql.join("\n\n")).toBeLessThanOrEqual(4);
  });
});
