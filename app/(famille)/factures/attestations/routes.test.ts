import { execFileSync } from "node:child_process";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createCanteen, createFamily, openDays } from "@/lib/bookings/testing";
import { parisDay } from "@/lib/dates";
import { getDb } from "@/lib/db/client";
import { createBooking } from "@/lib/factories";
import { GET as taxPdf } from "./fiscale/[annee]/pdf/route";
import { GET as attendancePdf } from "./presence/route";

const currentUser = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/dal", () => ({ getCurrentUser: currentUser }));

beforeEach(() => currentUser.mockResolvedValue(null));

const pdfText = (pdf: ArrayBuffer) =>
  execFileSync("pdftotext", ["-layout", "-", "-"], { input: Buffer.from(pdf) }).toString("utf8").replaceAll("\u00a0", " ").replaceAll("\u202f", " ");

/** Two families; the first has a stored 2026 certificate and a child who came on two past days (one absent, one to come). */
async function setup() {
  const db = await getDb();
  const canteen = await createCanteen(db, { capacity: 5 });
  const today = parisDay(new Date());
  const days = ["2026-03-09", "2026-03-10", "2026-03-11"];
  await openDays(db, canteen.product.id, days, 5);
  const mine = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
  const other = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
  const child = mine.children[0];
  await createBooking(db, { productId: canteen.product.id, personId: child.id, householdId: mine.household.id, day: "2026-03-09", unitPriceCents: 250 });
  await createBooking(db, { productId: canteen.product.id, personId: child.id, householdId: mine.household.id, day: "2026-03-10", unitPriceCents: 250, status: "ABSENT" });
  await createBooking(db, { productId: canteen.product.id, personId: child.id, householdId: mine.household.id, day: "2026-03-11", unitPriceCents: 250, status: "CANCELLED" });
  await db.taxCertificate.create({
    data: {
      householdId: mine.household.id,
      year: 2026,
      totalCents: 4250,
      children: [{ personId: child.id, firstName: child.firstName, lastName: child.lastName, birthDate: "2022-04-01", paidCents: 5000, creditedCents: 750, amountCents: 4250 }],
    },
  });
  const user = (f: typeof mine) => ({ id: f.account.id, role: "PARENT", status: "ACTIVE", householdId: f.household.id, personId: f.parent.id });
  return { mine, other, child, today, user };
}

const tax = (year: string) => taxPdf(new Request(`http://localhost/factures/attestations/fiscale/${year}/pdf`), { params: Promise.resolve({ annee: year }) });
const presence = (q: Record<string, string>) => attendancePdf(new Request(`http://localhost/factures/attestations/presence?${new URLSearchParams(q)}`));

describe("certificate routes", () => {
  it("serves the family's tax certificate, no-store; another family, a year without one or no session: 404", async () => {
    const { mine, other, user } = await setup();
    expect((await tax("2026")).status).toBe(404);
    currentUser.mockResolvedValue(user(mine));
    const response = await tax("2026");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(await response.arrayBuffer());
    expect(text).toContain("Attestation fiscale — frais de garde 2026");
    expect(text).toContain("42,50 €");
    expect((await tax("2025")).status).toBe(404);
    expect((await tax("20x6")).status).toBe(404);
    currentUser.mockResolvedValue(user(other));
    expect((await tax("2026")).status).toBe(404);
  });

  it("the attendance certificate lists the days the child came, not absences nor cancelled days; another family's child is a 404", async () => {
    const { mine, other, child, user } = await setup();
    currentUser.mockResolvedValue(user(mine));
    const response = await presence({ enfant: child.id, du: "2026-03-01", au: "2026-03-31" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="attestation-presence-emma-2026-03-01-2026-03-31\.pdf"$/);
    const text = pdfText(await response.arrayBuffer());
    expect(text).toContain("Attestation de présence");
    expect(text).toContain("09/03/2026");
    expect(text).not.toContain("10/03/2026");
    expect(text).not.toContain("11/03/2026");
    expect(text).toMatch(/1 jour\b/);

    currentUser.mockResolvedValue(user(other));
    expect((await presence({ enfant: child.id, du: "2026-03-01", au: "2026-03-31" })).status).toBe(404);
  });

  it("a wrong period goes back to the form with its values and the error flag", async () => {
    const { mine, child, user, today } = await setup();
    currentUser.mockResolvedValue(user(mine));
    const response = await presence({ enfant: child.id, du: "2026-03-31", au: "2026-03-01" });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!, "http://localhost");
    expect(location.pathname).toBe("/factures/attestations");
    expect(Object.fromEntries(location.searchParams)).toEqual({ enfant: child.id, du: "2026-03-31", au: "2026-03-01", erreur: "1" });
    expect((await presence({ enfant: child.id, du: "", au: today })).status).toBe(303);
  });
});
