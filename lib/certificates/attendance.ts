import "server-only";
import type { AttendancePdfData } from "@/lib/billing/pdf/certificate-types";
import { pdfParties } from "@/lib/billing/pdf-parties";
import { dateToDay, dayToDate, isDay, parisDay, type Day } from "@/lib/dates";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getSettings } from "@/lib/settings";
import { isId } from "@/lib/validation/ids";

/** The longest period one attendance certificate covers. */
export const ATTENDANCE_MAX_DAYS = 366;

export type AttendanceRequest = { personId: string; from: Day; to: Day };

/**
 * Reads the attendance form ("enfant", "du", "au") and returns either the
 * request or the French message of each wrong field. The period ends today
 * at the latest: a day to come is not an attendance.
 */
export function parseAttendanceRequest(
  input: { enfant?: unknown; du?: unknown; au?: unknown },
  now: Date,
): { ok: true; request: AttendanceRequest } | { ok: false; fieldErrors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const personId = typeof input.enfant === "string" && isId(input.enfant) ? input.enfant : null;
  const from = typeof input.du === "string" && isDay(input.du) ? input.du : null;
  const to = typeof input.au === "string" && isDay(input.au) ? input.au : null;
  const today = parisDay(now);
  if (!personId) errors.enfant = "Choisissez l'enfant.";
  if (!from) errors.du = "Indiquez la date de début (jj/mm/aaaa).";
  else if (from > today) errors.du = "La date de début ne peut pas être dans le futur.";
  if (!to) errors.au = "Indiquez la date de fin (jj/mm/aaaa).";
  if (from && to && to < from) errors.au = "La date de fin doit être après la date de début.";
  else if (from && to && dayToDate(to).getTime() - dayToDate(from).getTime() >= ATTENDANCE_MAX_DAYS * 86_400_000) {
    errors.au = "La période ne peut pas dépasser un an.";
  }
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return { ok: true, request: { personId: personId!, from: from!, to: to! < today ? to! : today } };
}

/** The household's children, for the form's select. */
export async function listHouseholdChildren(householdId: string) {
  const db = await getDb();
  return db.person.findMany({
    where: { householdId, quality: "ENFANT" },
    select: { id: true, firstName: true, lastName: true },
    orderBy: [{ birthDate: "asc" }, { firstName: "asc" }],
  });
}

/**
 * The days a child of the household was there in the period (confirmed
 * bookings, so not absent nor cancelled, up to today), per product. Another
 * household's child, or a person who is not a child, is "introuvable".
 */
export async function getAttendancePdfData({ householdId, request, now }: { householdId: string; request: AttendanceRequest; now: Date }): Promise<AttendancePdfData> {
  const db = await getDb();
  const child = await db.person.findFirst({
    where: { id: request.personId, householdId, quality: "ENFANT" },
    select: { firstName: true, lastName: true, birthDate: true, household: { include: { members: { where: { quality: "RESPONSABLE" }, take: 1 } } } },
  });
  if (!child) throw new AppError("NOT_FOUND", "Enfant introuvable.");
  const to = request.to < parisDay(now) ? request.to : parisDay(now);
  const bookings = await db.booking.findMany({
    where: { personId: request.personId, householdId, status: "CONFIRMED", slot: { date: { gte: dayToDate(request.from), lte: dayToDate(to) } } },
    select: { slot: { select: { date: true, product: { select: { id: true, name: true, sortOrder: true, service: { select: { name: true } } } } } } },
  });
  const byProduct = new Map<string, { title: string; order: number; days: Day[] }>();
  for (const b of bookings) {
    const p = b.slot.product;
    const entry = byProduct.get(p.id) ?? { title: `${p.service.name} — ${p.name}`, order: p.sortOrder, days: [] };
    entry.days.push(dateToDay(b.slot.date));
    byProduct.set(p.id, entry);
  }
  const products = [...byProduct.values()]
    .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title))
    .map((p) => ({ title: p.title, days: [...new Set(p.days)].sort() }));
  return {
    ...pdfParties(await getSettings(), child.household),
    child: { firstName: child.firstName, lastName: child.lastName, birthDate: child.birthDate ? dateToDay(child.birthDate) : null },
    from: request.from,
    to: to < request.from ? request.from : to,
    madeAt: now,
    products,
  };
}

/** The file name: "attestation-presence-emma-2026-01-01-2026-06-30.pdf" (ASCII). */
export function attendanceFileName(firstName: string, request: AttendanceRequest): string {
  const name = firstName.normalize("NFD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "enfant";
  return `attestation-presence-${name}-${request.from}-${request.to}.pdf`;
}

