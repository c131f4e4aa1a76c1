import { describe, expect, it } from "vitest";
import { getDb, type Db } from "@/lib/db/client";
import { RC } from "@/lib/billing/credit";
import { invoiceOutstanding } from "@/lib/billing/ledger";
import { holdBookings } from "@/lib/bookings/hold";
import { createCanteen, createFamily, newSubmissionKey, openDays } from "@/lib/bookings/testing";
import type { Day } from "@/lib/dates";
import { issueInvoicesInTx, type InvoiceDraft } from "./issue";

const NOW = new Date("2026-06-03T08:00:00Z");
const DAYS: Day[] = ["2026-06-09", "2026-06-11"];

async function setup() {
  const db = await getDb();
  const canteen = await createCanteen(db, { capacity: 5 });
  const slots = await openDays(db, canteen.product.id, DAYS, 5);
  const families = [
    await createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 2 }),
    await createFamily(db, { schoolClassId: canteen.schoolClass.id, qf: 900 }),
  ];
  return { db, canteen, slots, families };
}

/** Held places without an invoice, as an allocation or an offer leaves them before billing. */
async function heldWithoutInvoice(db: Db, spec: { slotId: string; personId: string; householdId: string; unitPriceCents: number }[]) {
  return Promise.all(
    spec.map((s) => db.booking.create({ data: { ...s, status: "HELD", heldUntil: new Date(NOW.getTime() + 3 * 86_400_000) } })),
  );
}

describe("issueInvoicesInTx", () => {
  it("bills held places: one pending invoice per draft, numbered without a gap after the last one, with lines, ledger entry and bookings", async () => {
    const { db, canteen, slots, families } = await setup();
    // An invoice issued before by the first-come hold: the batch continues its series.
    const before = await holdBookings({
      actor: families[1].actor,
      householdId: families[1].household.id,
      selections: [{ personId: families[1].children[0].id, productId: canteen.product.id, date: DAYS[0] }],
      submissionKey: newSubmissionKey(),
      now: NOW,
    });
    const [a, b] = families;
    const heldA = await heldWithoutInvoice(db, [
      { slotId: slots[0].id, personId: a.children[0].id, householdId: a.household.id, unitPriceCents: 250 },
      { slotId: slots[1].id, personId: a.children[0].id, householdId: a.household.id, unitPriceCents: 250 },
      { slotId: slots[0].id, personId: a.children[1].id, householdId: a.household.id, unitPriceCents: 250 },
    ]);
    const heldB = await heldWithoutInvoice(db, [{ slotId: slots[1].id, personId: b.children[0].id, householdId: b.household.id, unitPriceCents: 450 }]);
    const item = (booking: (typeof heldA)[number], firstName: string, date: Day) => ({
      bookingId: booking.id,
      personId: booking.personId,
      productId: canteen.product.id,
      date,
      unitPriceCents: booking.unitPriceCents,
      child: { firstName },
      product: { serviceName: canteen.service.name, name: canteen.product.name },
    });
    const drafts: InvoiceDraft[] = [
      { householdId: a.household.id, qf: 351, regime: "RG", items: [item(heldA[0], "Emma", DAYS[0]), item(heldA[1], "Emma", DAYS[1]), item(heldA[2], "Lucas", DAYS[0])] },
      { householdId: b.household.id, qf: 900, regime: "RG", items: [item(heldB[0], "Emma", DAYS[1])] },
    ];
    const issued = await db.$transaction((tx) => issueInvoicesInTx(tx, drafts, { actorId: null, now: NOW }), RC);

    expect(issued.map((i) => i.number)).toEqual([before.number + 1, before.number + 2]);
    expect(issued.map((i) => i.totalCents)).toEqual([750, 450]);
    const invoiceA = await db.invoice.findUniqueOrThrow({ where: { id: issued[0].invoiceId }, include: { lines: { orderBy: { sortOrder: "asc" } }, bookings: true } });
    expect(invoiceA).toMatchObject({ status: "PENDING_PAYMENT", householdId: a.household.id, totalCents: 750, qf: 351, regime: "RG", issuedAt: NOW });
    expect(invoiceA.paymentIdentifier).toMatch(/^[0-9A-Z]{20}$/);
    expect(invoiceA.lines.map((l) => [l.label, l.quantity, l.totalCents])).toEqual([
      [`Emma ${canteen.service.name} Repas cantine 9, 11 juin 2026`, 2, 500],
      [`Lucas ${canteen.service.name} Repas cantine 9 juin 2026`, 1, 250],
    ]);
    expect(invoiceA.bookings.map((b) => b.id).sort()).toEqual(heldA.map((b) => b.id).sort());
    expect(await invoiceOutstanding(db, issued[0].invoiceId)).toBe(750);
    expect(await invoiceOutstanding(db, issued[1].invoiceId)).toBe(450);
    const entry = await db.ledgerEntry.findFirstOrThrow({ where: { invoiceId: issued[1].invoiceId } });
    expect(entry).toMatchObject({ kind: "INVOICE", label: `Facture N° ${before.number + 2}`, amountCents: 450, householdId: b.household.id });
    expect((await db.invoiceCounter.findUniqueOrThrow({ where: { id: 1 } })).next).toBe(before.number + 3);
  });

  it("refuses a booking already invoiced or of another household, and gives every number back", async () => {
    const { db, canteen, slots, families } = await setup();
    const [a, b] = families;
    const counter = async () => (await db.invoiceCounter.findUnique({ where: { id: 1 } }))?.next ?? 1;
    const start = await counter();
    const [theirs] = await heldWithoutInvoice(db, [{ slotId: slots[0].id, personId: b.children[0].id, householdId: b.household.id, unitPriceCents: 450 }]);
    const [mine] = await heldWithoutInvoice(db, [{ slotId: slots[0].id, personId: a.children[0].id, householdId: a.household.id, unitPriceCents: 250 }]);
    const item = (bookingId: string, personId: string) => ({
      bookingId,
      personId,
      productId: canteen.product.id,
      date: DAYS[0],
      unitPriceCents: 250,
      child: { firstName: "Emma" },
      product: { serviceName: canteen.service.name, name: canteen.product.name },
    });
    // Household A's invoice claiming household B's booking.
    const forged: InvoiceDraft[] = [{ householdId: a.household.id, qf: 351, regime: "RG", items: [item(mine.id, a.children[0].id), item(theirs.id, b.children[0].id)] }];
    await expect(db.$transaction((tx) => issueInvoicesInTx(tx, forged, { actorId: null, now: NOW }), RC)).rejects.toThrow(/attached only 1/);
    expect(await counter()).toBe(start);
    expect(await db.invoice.count({ where: { householdId: a.household.id } })).toBe(0);
    expect(await db.booking.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ invoiceId: null });

    // Billed once, then once more: the second time is refused.
    const once: InvoiceDraft[] = [{ householdId: a.household.id, qf: 351, regime: "RG", items: [item(mine.id, a.children[0].id)] }];
    const [issued] = await db.$transaction((tx) => issueInvoicesInTx(tx, once, { actorId: null, now: NOW }), RC);
    expect(issued.number).toBe(start);
    await expect(db.$transaction((tx) => issueInvoicesInTx(tx, once, { actorId: null, now: NOW }), RC)).rejects.toThrow(/attached only 0/);
    expect(await counter()).toBe(start + 1);
    expect(await db.invoice.count({ where: { householdId: a.household.id } })).toBe(1);
  });

  it("issues nothing for no draft", async () => {
    const db = await getDb();
    expect(await db.$transaction((tx) => issueInvoicesInTx(tx, [], { actorId: null, now: NOW }), RC)).toEqual([]);
  });
});
