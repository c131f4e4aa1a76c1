import "server-only";
import { offerFreedPlacesAfterCommit } from "@/lib/waitlist";
import { type Actor, recordAudit } from "@/lib/audit";
import { assertActor } from "@/lib/auth/roles";
import { RC } from "@/lib/billing/credit";
import { creditDaysInTx, daysText, type CreditedDay } from "@/lib/bookings/cancel-days";
import { getDb, type Tx } from "@/lib/db/client";
import { newRowId } from "@/lib/db/ids";
import { lockRows } from "@/lib/db/locks";
import { dateToDay, isPastDeadline, parisTime, bookingDeadline, type Day } from "@/lib/dates";
import { createDocumentInTx, type UploadRef } from "@/lib/documents";
import { AppError } from "@/lib/errors";
import { formatCount, fullDayLabel } from "@/lib/format";
import { ABSENCE_REASON_LABELS } from "@/lib/format/labels";
import type { AbsenceCredit, AbsenceReason, AbsenceStatus } from "@/lib/generated/prisma/client";

export { ReportAbsenceSchema, DecideAbsenceSchema, type ReportAbsenceInput, type DecideAbsenceInput } from "./schemas";

/** The document type a certificate is filed under: the seed's "Certificat médical". */
const CERTIFICATE_TYPE = { code: "MEDICAL", label: "Certificat médical", description: "Certificat médical, PAI ou attestation de vaccination." };

// ─── Parent: the days an absence may still be reported for ─────────────────

export type ReportableDayDto = {
  bookingId: string;
  day: Day;
  productName: string;
  serviceName: string;
  unitPriceCents: number;
  /** Until when the absence may be reported, Paris time ("09:00" the same day…) */
  deadline: Date;
  rule: AbsenceCredit;
  carenceDays: number;
};

export type ReportableChildDto = { personId: string; firstName: string; lastName: string; days: ReportableDayDto[] };

/**
 * Per child of the household, the booked days (CONFIRMED, no absence yet)
 * whose absence deadline has not passed, with the product's rule, so the
 * page can say what each day will give back.
 */
export async function listReportableDays({ householdId, now = new Date() }: { householdId: string; now?: Date }): Promise<ReportableChildDto[]> {
  const db = await getDb();
  // The earliest day whose deadline could still be ahead: deadlines are never after the day's end.
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
  const bookings = await db.booking.findMany({
    where: { householdId, status: "CONFIRMED", absence: null, slot: { date: { gte: today } } },
    orderBy: [{ slot: { date: "asc" } }],
    select: {
      id: true,
      unitPriceCents: true,
      person: { select: { id: true, firstName: true, lastName: true } },
      slot: {
        select: {
          date: true,
          product: {
            select: {
              name: true,
              absenceDeadlineDays: true,
              absenceDeadlineTime: true,
              absenceCredit: true,
              absenceCarenceDays: true,
              service: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  const children = new Map<string, ReportableChildDto>();
  for (const b of bookings) {
    const day = dateToDay(b.slot.date);
    const p = b.slot.product;
    if (isPastDeadline(day, p.absenceDeadlineDays, p.absenceDeadlineTime, now)) continue;
    const child = children.get(b.person.id) ?? { personId: b.person.id, firstName: b.person.firstName, lastName: b.person.lastName, days: [] };
    child.days.push({
      bookingId: b.id,
      day,
      productName: p.name,
      serviceName: p.service.name,
      unitPriceCents: b.unitPriceCents,
      deadline: bookingDeadline(day, p.absenceDeadlineDays, p.absenceDeadlineTime),
      rule: p.absenceCredit,
      carenceDays: p.absenceCarenceDays,
    });
    children.set(b.person.id, child);
  }
  return [...children.values()].sort((a, b) => a.firstName.localeCompare(b.firstName));
}

// ─── Parent: reporting ─────────────────────────────────────────────────────

/** What became of one reported day, for the confirmation. */
export type ReportedDayDto = {
  bookingId: string;
  day: Day;
  childFirstName: string;
  productName: string;
  status: AbsenceStatus;
  creditCents: number;
  /** Approved without credit because it is one of the report's carence days */
  carence: boolean;
  /** Approved without credit because the product never credits absences */
  notCredited: boolean;
};

export type ReportAbsenceResult = { reportId: string; days: ReportedDayDto[]; creditedCents: number; creditNoteNumbers: number[] };

type AbsentBooking = {
  id: string;
  personId: string;
  invoiceId: string | null;
  unitPriceCents: number;
  day: Day;
  childFirstName: string;
  productId: string;
  carenceDays: number;
};

/**
 * The carence: per child and product, the first `carenceDays` days of the
 * report (in date order) are approved without credit.
 */
function carenceDays(bookings: AbsentBooking[]): Set<string> {
  const groups = new Map<string, AbsentBooking[]>();
  for (const b of bookings) groups.set(`${b.personId}|${b.productId}`, [...(groups.get(`${b.personId}|${b.productId}`) ?? []), b]);
  const out = new Set<string>();
  for (const group of groups.values()) {
    group.sort((a, b) => a.day.localeCompare(b.day));
    for (const b of group.slice(0, Math.max(0, group[0].carenceDays))) out.add(b.id);
  }
  return out;
}

/**
 * Approves days in the caller's transaction (household locked): the
 * bookings become ABSENT (the place is freed), the credited ones come
 * back through billing. Returns what each day gave back.
 */
async function approveDaysInTx(
  tx: Tx,
  { householdId, bookings, actorId, now, reason }: { householdId: string; bookings: AbsentBooking[]; actorId: string | null; now: Date; reason: AbsenceReason },
) {
  const carence = carenceDays(bookings);
  const credited: CreditedDay[] = bookings
    .filter((b) => !carence.has(b.id))
    .map((b) => ({ bookingId: b.id, invoiceId: b.invoiceId, amountCents: b.unitPriceCents, day: b.day, childFirstName: b.childFirstName }));
  const freed = await tx.booking.updateMany({
    where: { id: { in: bookings.map((b) => b.id) }, status: "CONFIRMED" },
    data: { status: "ABSENT", cancelledAt: now },
  });
  if (freed.count !== bookings.length) throw new AppError("CONFLICT", "Ces jours viennent d'être modifiés : rechargez la page.");
  const credit = await creditDaysInTx(tx, {
    householdId,
    days: credited,
    reason: (its) => `Absence (${ABSENCE_REASON_LABELS[reason].toLowerCase()}) : ${daysText(its)}`,
    actorId,
    now,
  });
  return { carence, credit };
}

/**
 * "Signaler une absence": one Absence per day, sharing a report id. The
 * product's rule decides: AUTO approves at once and credits (after the
 * carence days), NONE approves without credit, CERTIFICATE waits for
 * staff (the booking stays CONFIRMED, the child shows as absent).
 * Allowed until the product's absence deadline. Scoped by household:
 * another family's booking is "introuvable". Everything in one
 * transaction under the household's lock, so a resent form finds the
 * days already reported and credits nothing twice.
 */
export async function reportAbsence({
  actor,
  householdId,
  personId,
  bookingIds,
  reason,
  comment,
  certificate,
  now = new Date(),
}: {
  actor: { id: string };
  householdId: string;
  /** When given, every day must be this child's; otherwise the days may be several children's. */
  personId?: string;
  bookingIds: string[];
  reason: AbsenceReason;
  comment?: string;
  certificate?: UploadRef;
  now?: Date;
}): Promise<ReportAbsenceResult> {
  const ids = [...new Set(bookingIds)];
  if (ids.length === 0) throw new AppError("INVALID", "Choisissez au moins un jour d'absence.", { bookingIds: "Choisissez au moins un jour d'absence." });
  const db = await getDb();
  let freedSlots: string[] = [];
  const result = await db.$transaction(async (tx) => {
    await lockRows(tx, "Household", [householdId]);
    const rows = await tx.booking.findMany({
      where: { id: { in: ids }, householdId, ...(personId ? { personId } : {}) },
      include: {
        absence: { select: { id: true } },
        person: { select: { firstName: true } },
        slot: {
          select: {
            date: true,
            product: { select: { id: true, name: true, absenceDeadlineDays: true, absenceDeadlineTime: true, absenceCredit: true, absenceCarenceDays: true } },
          },
        },
      },
    });
    if (rows.length !== ids.length) throw new AppError("NOT_FOUND", "Réservation introuvable.");
    rows.sort((a, b) => a.slot.date.getTime() - b.slot.date.getTime() || a.person.firstName.localeCompare(b.person.firstName));
    for (const b of rows) {
      const day = dateToDay(b.slot.date);
      const what = `${fullDayLabel(day)} (${b.person.firstName}, ${b.slot.product.name})`;
      if (b.absence) throw new AppError("CONFLICT", `Une absence est déjà signalée pour le ${what}.`);
      if (b.status !== "CONFIRMED") throw new AppError("CONFLICT", `Le ${what} n'est pas une réservation confirmée : rechargez la page.`);
      const p = b.slot.product;
      if (isPastDeadline(day, p.absenceDeadlineDays, p.absenceDeadlineTime, now)) {
        const limit = bookingDeadline(day, p.absenceDeadlineDays, p.absenceDeadlineTime);
        const when = p.absenceDeadlineDays === 0 ? `${parisTime(limit)} le jour même` : `${parisTime(limit)}, ${formatCount(p.absenceDeadlineDays, "jour")} avant`;
        throw new AppError("INVALID", `Le délai pour signaler une absence le ${what} est dépassé (jusqu'à ${when}) : contactez le service.`);
      }
    }
    const persons = [...new Set(rows.map((b) => b.personId))];
    let documentId: string | null = null;
    if (certificate) {
      const typeId = await certificateTypeId(tx);
      const doc = await createDocumentInTx(tx, { actor: { id: actor.id, householdId }, typeId, personId: persons.length === 1 ? persons[0] : null, upload: certificate, now });
      documentId = doc.id;
    }
    const reportId = newRowId();
    const all: AbsentBooking[] = rows.map((b) => ({
      id: b.id,
      personId: b.personId,
      invoiceId: b.invoiceId,
      unitPriceCents: b.unitPriceCents,
      day: dateToDay(b.slot.date),
      childFirstName: b.person.firstName,
      productId: b.slot.product.id,
      carenceDays: b.slot.product.absenceCarenceDays,
    }));
    const rule = new Map(rows.map((b) => [b.id, b.slot.product.absenceCredit]));
    const auto = all.filter((b) => rule.get(b.id) === "AUTO");
    const none = all.filter((b) => rule.get(b.id) === "NONE");
    const { carence, credit } = await approveDaysInTx(tx, { householdId, bookings: auto, actorId: actor.id, now, reason });
    if (none.length) {
      const freed = await tx.booking.updateMany({ where: { id: { in: none.map((b) => b.id) }, status: "CONFIRMED" }, data: { status: "ABSENT", cancelledAt: now } });
      if (freed.count !== none.length) throw new AppError("CONFLICT", "Ces jours viennent d'être modifiés : rechargez la page.");
    }
    const days: ReportedDayDto[] = [];
    for (const b of rows) {
      const r = rule.get(b.id)!;
      const got = credit.perBooking.get(b.id);
      const status: AbsenceStatus = r === "CERTIFICATE" ? "PENDING" : "APPROVED";
      await tx.absence.create({
        data: {
          householdId,
          personId: b.personId,
          bookingId: b.id,
          reportId,
          reason,
          comment: comment?.trim() || null,
          documentId,
          status,
          creditCents: got?.creditCents ?? 0,
          creditNoteId: got?.creditNoteId ?? null,
          decidedAt: status === "APPROVED" ? now : null,
          createdById: actor.id,
          createdAt: now,
        },
      });
      days.push({
        bookingId: b.id,
        day: dateToDay(b.slot.date),
        childFirstName: b.person.firstName,
        productName: b.slot.product.name,
        status,
        creditCents: got?.creditCents ?? 0,
        carence: r === "AUTO" && carence.has(b.id),
        notCredited: r === "NONE",
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "absence.report",
      targetType: "Household",
      targetId: householdId,
      details: { label: daysText(all), reportId, reason, days: rows.length, creditedCents: credit.creditedCents, certificate: documentId },
    });
    // Approved at once (AUTO, NONE): the place is free; a certificate waits for staff first.
    freedSlots = rows.filter((b) => rule.get(b.id) !== "CERTIFICATE").map((b) => b.slotId);
    return { reportId, days, creditedCents: credit.creditedCents, creditNoteNumbers: credit.creditNoteNumbers };
  }, RC);
  await offerFreedPlacesAfterCommit(freedSlots, now);
  return result;
}

/** The seed's "Certificat médical" type; an authority that removed it gets it back, inactive types included. */
async function certificateTypeId(tx: Tx): Promise<string> {
  const found = await tx.documentType.findUnique({ where: { code: CERTIFICATE_TYPE.code }, select: { id: true, active: true } });
  if (found?.active) return found.id;
  if (found) throw new AppError("INVALID", "Le service n'accepte plus de certificat médical en ligne : apportez-le au guichet.");
  const created = await tx.documentType.create({ data: CERTIFICATE_TYPE, select: { id: true } });
  return created.id;
}

// ─── Staff: deciding ───────────────────────────────────────────────────────

export type DecideAbsenceResult = { approved: boolean; days: number; creditedCents: number; creditNoteNumbers: number[] };

/**
 * Staff accept or refuse a report waiting for them (a certificate to
 * check). Accepting approves every pending day of the report: the
 * bookings become ABSENT and the credited days (after the carence) come
 * back through billing; refusing needs a reason and credits nothing. The
 * household's lock serialises two clicks or two members of staff: the
 * second finds nothing pending and is told so.
 */
export async function decideAbsenceReport({
  actor,
  reportId,
  approve,
  refusalReason,
  now = new Date(),
}: {
  actor: Actor;
  reportId: string;
  approve: boolean;
  refusalReason?: string;
  now?: Date;
}): Promise<DecideAbsenceResult> {
  assertActor(actor, "staff");
  const reason = refusalReason?.trim() ?? "";
  if (!approve && !reason) throw new AppError("INVALID", "Indiquez le motif du refus.", { refusalReason: "Indiquez le motif du refus." });
  if (reason.length > 300) throw new AppError("INVALID", "Le motif ne doit pas dépasser 300 caractères.", { refusalReason: "300 caractères au plus." });
  const db = await getDb();
  const first = await db.absence.findFirst({ where: { reportId }, select: { householdId: true } });
  if (!first) throw new AppError("NOT_FOUND", "Absence introuvable.");
  const householdId = first.householdId;
  let freedSlots: string[] = [];
  const result = await db.$transaction(async (tx) => {
    await lockRows(tx, "Household", [householdId]);
    // Read under the lock: a decision taken meanwhile is seen.
    const pending = await tx.absence.findMany({
      where: { reportId, status: "PENDING" },
      include: {
        person: { select: { firstName: true } },
        booking: { select: { id: true, status: true, invoiceId: true, unitPriceCents: true, slotId: true, slot: { select: { date: true, product: { select: { id: true, absenceCarenceDays: true } } } } } },
      },
    });
    if (pending.length === 0) throw new AppError("CONFLICT", "Cette absence a déjà été traitée.");
    let creditedCents = 0;
    let creditNoteNumbers: number[] = [];
    if (approve) {
      // A day cancelled meanwhile no longer has a place to free nor a price to give back.
      const still = pending.filter((a) => a.booking.status === "CONFIRMED");
      freedSlots = still.map((a) => a.booking.slotId);
      const bookings: AbsentBooking[] = still.map((a) => ({
        id: a.booking.id,
        personId: a.personId,
        invoiceId: a.booking.invoiceId,
        unitPriceCents: a.booking.unitPriceCents,
        day: dateToDay(a.booking.slot.date),
        childFirstName: a.person.firstName,
        productId: a.booking.slot.product.id,
        carenceDays: a.booking.slot.product.absenceCarenceDays,
      }));
      const { credit } = await approveDaysInTx(tx, { householdId, bookings, actorId: actor.id, now, reason: pending[0].reason });
      creditedCents = credit.creditedCents;
      creditNoteNumbers = credit.creditNoteNumbers;
      for (const a of pending) {
        const got = credit.perBooking.get(a.booking.id);
        await tx.absence.update({
          where: { id: a.id },
          data: { status: "APPROVED", creditCents: got?.creditCents ?? 0, creditNoteId: got?.creditNoteId ?? null, decidedById: actor.id, decidedAt: now },
        });
      }
    } else {
      await tx.absence.updateMany({
        where: { id: { in: pending.map((a) => a.id) } },
        data: { status: "REFUSED", refusalReason: reason, decidedById: actor.id, decidedAt: now },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "absence.decide",
      targetType: "Household",
      targetId: householdId,
      details: {
        label: daysText(pending.map((a) => ({ day: dateToDay(a.booking.slot.date), childFirstName: a.person.firstName }))),
        reportId,
        decision: approve ? "approve" : "refuse",
        refusalReason: approve ? null : reason,
        creditedCents,
      },
    });
    return { approved: approve, days: pending.length, creditedCents, creditNoteNumbers };
  }, RC);
  // An absence approved before the day frees the place for the waiting list.
  await offerFreedPlacesAfterCommit(freedSlots, now);
  return result;
}

// ─── Lists ─────────────────────────────────────────────────────────────────

export type StaffAbsenceRowDto = {
  id: string;
  reportId: string;
  householdId: string;
  householdName: string;
  personId: string;
  childName: string;
  day: Day;
  productName: string;
  reason: AbsenceReason;
  comment: string | null;
  /** The certificate sent with the report, served by the document routes */
  certificateDocumentId: string | null;
  status: AbsenceStatus;
  creditCents: number;
  refusalReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
};

/** Staff's list: the queue to decide (status PENDING) or every absence, newest report first, by report then day. */
/**
 * Absence reports waiting for staff (a certificate to check), for the
 * back-office menu. A report (one family, several days) is decided at once,
 * so it counts once.
 */
export async function countAbsenceReportsToDecide(): Promise<number> {
  const db = await getDb();
  const reports = await db.absence.groupBy({ by: ["reportId"], where: { status: "PENDING" } });
  return reports.length;
}

export async function listAbsencesForStaff({ status }: { status?: AbsenceStatus } = {}): Promise<StaffAbsenceRowDto[]> {
  const db = await getDb();
  const rows = await db.absence.findMany({
    where: status ? { status } : {},
    orderBy: [{ createdAt: status === "PENDING" ? "asc" : "desc" }, { reportId: "asc" }, { booking: { slot: { date: "asc" } } }],
    take: 500,
    include: {
      household: { select: { name: true, reference: true } },
      person: { select: { firstName: true, lastName: true } },
      booking: { select: { slot: { select: { date: true, product: { select: { name: true } } } } } },
    },
  });
  return rows.map((a) => ({
    id: a.id,
    reportId: a.reportId,
    householdId: a.householdId,
    householdName: `${a.household.name} (n° ${a.household.reference})`,
    personId: a.personId,
    childName: `${a.person.firstName} ${a.person.lastName}`,
    day: dateToDay(a.booking.slot.date),
    productName: a.booking.slot.product.name,
    reason: a.reason,
    comment: a.comment,
    certificateDocumentId: a.documentId,
    status: a.status,
    creditCents: a.creditCents,
    refusalReason: a.refusalReason,
    createdAt: a.createdAt,
    decidedAt: a.decidedAt,
  }));
}

/**
 * What the family reads for a day: credited (an amount), waiting for staff,
 * refused, a carence day, or a day the product (or a day never invoiced)
 * does not give back.
 */
export type AbsenceOutcome = "CREDITED" | "PENDING" | "REFUSED" | "CARENCE" | "NOT_CREDITED";

export type HouseholdAbsenceDto = {
  outcome: AbsenceOutcome;
  id: string;
  reportId: string;
  childFirstName: string;
  day: Day;
  productName: string;
  reason: AbsenceReason;
  status: AbsenceStatus;
  creditCents: number;
  refusalReason: string | null;
  createdAt: Date;
};

/** The parent's absences, newest day first; scoped by the household from the session. */
export async function listHouseholdAbsences({ householdId }: { householdId: string }): Promise<HouseholdAbsenceDto[]> {
  const db = await getDb();
  const rows = await db.absence.findMany({
    where: { householdId },
    orderBy: [{ booking: { slot: { date: "desc" } } }, { createdAt: "desc" }],
    take: 200,
    include: {
      person: { select: { firstName: true } },
      booking: { select: { invoiceId: true, slot: { select: { date: true, product: { select: { name: true, absenceCredit: true } } } } } },
    },
  });
  return rows.map((a) => ({
    outcome: outcomeOf(a.status, a.creditCents, a.booking.slot.product.absenceCredit, a.booking.invoiceId !== null),
    id: a.id,
    reportId: a.reportId,
    childFirstName: a.person.firstName,
    day: dateToDay(a.booking.slot.date),
    productName: a.booking.slot.product.name,
    reason: a.reason,
    status: a.status,
    creditCents: a.creditCents,
    refusalReason: a.refusalReason,
    createdAt: a.createdAt,
  }));
}

function outcomeOf(status: AbsenceStatus, creditCents: number, rule: AbsenceCredit, invoiced: boolean): AbsenceOutcome {
  if (status === "PENDING") return "PENDING";
  if (status === "REFUSED") return "REFUSED";
  if (creditCents > 0) return "CREDITED";
  // Approved with nothing back: a carence day, unless nothing was ever to give back.
  return rule === "NONE" || !invoiced ? "NOT_CREDITED" : "CARENCE";
}
