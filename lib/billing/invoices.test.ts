import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { holdBookings } from "@/lib/bookings/hold";
import { createCanteen, createFamily, createStaffActor, newSubmissionKey, openDays } from "@/lib/bookings/testing";
import { creditPaidInvoice } from "./credit";
import { env } from "@/lib/env";
import { getPayableInvoice, invoicePurpose, listHouseholdInvoices } from "./invoices";
import { estimateInvoicePdfBytes } from "./pdf/size";
import { recordCounterPayment } from "./staff";

const NOW = new Date("2026-06-03T08:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe("the family's Factures", () => {
  it("lists the household's invoices newest first with what is due, its credit and its credit notes, and no one else's", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db, { capacity: 10 });
    await openDays(db, canteen.product.id, ["2026-06-09", "2026-06-11", "2026-06-15", "2026-06-16"], 10);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 2 });
    const neighbour = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const staff = await createStaffActor(db);
    const hold = (f: typeof family, personId: string, dates: string[], now: Date) =>
      holdBookings({
        actor: f.actor,
        householdId: f.household.id,
        selections: dates.map((date) => ({ personId, productId: canteen.product.id, date })),
        submissionKey: newSubmissionKey(),
        now,
      });
    const [emma, lucas] = family.children;
    // Held 20 minutes ago: the hold ran out, and reading the page expires it.
    const lapsed = await hold(family, lucas.id, ["2026-06-16"], minutes(-20));
    const paid = await hold(family, emma.id, ["2026-06-09", "2026-06-11"], NOW);
    await recordCounterPayment({ actor: staff, invoiceId: paid.invoiceId, method: "CASH", now: NOW });
    const note = await creditPaidInvoice({ actor: staff, invoiceId: paid.invoiceId, amountCents: 100, reason: "Repas non servi", now: NOW });
    const pending = await holdBookings({
      actor: family.actor,
      householdId: family.household.id,
      selections: [
        { personId: emma.id, productId: canteen.product.id, date: "2026-06-15" },
        { personId: lucas.id, productId: canteen.product.id, date: "2026-06-15" },
      ],
      submissionKey: newSubmissionKey(),
      now: NOW,
    });
    await hold(neighbour, neighbour.children[0].id, ["2026-06-15"], NOW);

    const page = await listHouseholdInvoices({ householdId: family.household.id, now: NOW });
    const service = canteen.service.name;
    expect(page.invoices).toEqual([
      {
        id: pending.invoiceId,
        number: pending.number,
        issuedAt: NOW,
        name: `Emma ${service} Repas cantine 15 juin 2026`,
        purpose: `${service} — Repas cantine : 2 jours (Emma, Lucas)`,
        totalCents: 500,
        status: "PENDING_PAYMENT",
        heldUntil: minutes(env().holdMinutes),
        payable: true,
        pdfBytes: estimateInvoicePdfBytes({ lines: 2, slip: true }),
      },
      {
        id: paid.invoiceId,
        number: paid.number,
        issuedAt: NOW,
        name: `Emma ${service} Repas cantine 9, 11 juin 2026`,
        purpose: `${service} — Repas cantine : 2 jours (Emma)`,
        totalCents: 500,
        status: "PAID",
        heldUntil: null,
        payable: false,
        pdfBytes: estimateInvoicePdfBytes({ lines: 1, slip: false }),
      },
      {
        id: lapsed.invoiceId,
        number: lapsed.number,
        issuedAt: minutes(-20),
        name: `Lucas ${service} Repas cantine 16 juin 2026`,
        purpose: `${service} — Repas cantine : 1 jour (Lucas)`,
        totalCents: 250,
        status: "EXPIRED",
        heldUntil: null,
        payable: false,
        pdfBytes: estimateInvoicePdfBytes({ lines: 1, slip: false }),
      },
    ]);
    expect(page).toMatchObject({ years: [2026], year: null, dueCents: 500, creditCents: 100 });
    expect(page.creditNotes).toEqual([
      { id: expect.any(String), number: note.number, issuedAt: NOW, amountCents: 100, reason: "Repas non servi", invoiceNumber: paid.number },
    ]);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: lapsed.invoiceId } })).status).toBe("EXPIRED");

    // "Recherche" (Accueil › Factures): the rows whose number, name or purpose hold every word; the balance stays the household's.
    const found = await listHouseholdInvoices({ householdId: family.household.id, query: "LUCAS", now: NOW });
    expect(found.invoices.map((i) => i.id)).toEqual([pending.invoiceId, lapsed.invoiceId]);
    expect(found).toMatchObject({ years: [2026], dueCents: 500, creditCents: 100 });

    const before = await listHouseholdInvoices({ householdId: family.household.id, year: 2025, now: NOW });
    expect(before).toMatchObject({ years: [2026], year: 2025, invoices: [], dueCents: 500 });

    const theirs = await listHouseholdInvoices({ householdId: neighbour.household.id, now: NOW });
    expect(theirs.invoices.map((i) => i.totalCents)).toEqual([250]);
    expect(theirs).toMatchObject({ dueCents: 250, creditCents: 0, creditNotes: [] });
  });
});

describe("finding an invoice by the identifier typed from paper", () => {
  // Random tails keep these identifiers unique whatever else the database holds;
  // no I, L, O, 0 or 1 in them, so only the chosen prefixes are ambiguous.
  const tail = (n: number) => Array.from({ length: n }, () => "ABCDEFGHJKMNPQRSTVWXYZ234567"[Math.floor(Math.random() * 28)]).join("");
  const lookUp = (typed: string) => getPayableInvoice({ paymentIdentifier: typed }, NOW).then((i) => i.id, (e: Error) => e.message);

  async function invoicesWith(...identifiers: string[]) {
    const db = await getDb();
    const canteen = await createCanteen(db, { capacity: 10 });
    await openDays(db, canteen.product.id, ["2026-06-09"], 10);
    const ids: string[] = [];
    for (const paymentIdentifier of identifiers) {
      const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
      const { invoiceId } = await holdBookings({
        actor: family.actor,
        householdId: family.household.id,
        selections: [{ personId: family.children[0].id, productId: canteen.product.id, date: "2026-06-09" }],
        submissionKey: newSubmissionKey(),
        now: NOW,
      });
      await db.invoice.update({ where: { id: invoiceId }, data: { paymentIdentifier } });
      ids.push(invoiceId);
    }
    return ids;
  }

  it("finds a Crockford identifier typed in lower case, in groups, with O for 0 and I or L for 1", async () => {
    const stored = `K01Z${tail(16)}`;
    const [id] = await invoicesWith(stored);
    const sloppy = `kOlZ ${stored.slice(4, 8).toLowerCase()}-${stored.slice(8, 14)} - ${stored.slice(14)}`;
    expect(await lookUp(sloppy)).toBe(id);
    expect(await lookUp(`K0IZ${stored.slice(4)}`)).toBe(id);
  });

  it("still finds an identifier of the older alphabet, whose O, I and L a reader may type as 0 and 1", async () => {
    const stored = `OILU${tail(16)}`;
    const [id] = await invoicesWith(stored);
    expect(await lookUp(stored)).toBe(id);
    expect(await lookUp(`011u-${stored.slice(4).toLowerCase()}`)).toBe(id);
    expect(await lookUp(`0LIU${stored.slice(4)}`)).toBe(id);
  });

  it("compares in SQL an older identifier with too many I and L to list its spellings", async () => {
    const stored = `IILLIILL${tail(12)}`;
    const [id] = await invoicesWith(stored);
    expect(await lookUp(`1111-1111-${stored.slice(8)}`)).toBe(id);
  });

  it("picks none of two older identifiers that differ only by I and L, unless typed exactly", async () => {
    const rest = tail(19);
    const [withI, withL] = await invoicesWith(`I${rest}`, `L${rest}`);
    expect(await lookUp(`1${rest}`)).toBe("Facture introuvable.");
    expect(await lookUp(`i${rest.toLowerCase()}`)).toBe(withI);
    expect(await lookUp(`L${rest}`)).toBe(withL);
  });

  it("finds nothing for a well-formed identifier no invoice has, nor for a malformed one", async () => {
    expect(await lookUp(`Z9${tail(18)}`)).toBe("Facture introuvable.");
    expect(await lookUp("ABC")).toBe("Facture introuvable.");
  });
});

describe("what an invoice is for", () => {
  const line = (child: string | null, quantity: number, product: string | null = "Repas cantine", service: string | null = "Cantine") => ({
    service: product === null ? null : service,
    product,
    child,
    quantity,
    label: `${child ?? ""} ${service} ${product}`.trim(),
  });

  it("sums a prestation's days over the children and names each child once, in the invoice's order", () => {
    expect(invoicePurpose([line("Lucas", 2), line("Emma", 2), line("Lucas", 1)])).toBe("Cantine — Repas cantine : 5 jours (Lucas, Emma)");
  });

  it("gives each prestation its own part, and a single day in the singular", () => {
    expect(invoicePurpose([line("Emma", 1), line("Emma", 3, "Demi-journée", "Centre de loisirs")])).toBe(
      "Cantine — Repas cantine : 1 jour (Emma) ; Centre de loisirs — Demi-journée : 3 jours (Emma)",
    );
  });

  it("keeps the label of a line tied to no prestation, and names no child it does not know", () => {
    expect(invoicePurpose([{ service: null, product: null, child: null, quantity: 1, label: "Frais de dossier" }, line(null, 2)])).toBe(
      "Frais de dossier ; Cantine — Repas cantine : 2 jours",
    );
    expect(invoicePurpose([])).toBe("");
  });
});
