import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { ReviewStatus } from "@/lib/generated/prisma/client";

/** The day a moment fell on, by the service's calendar (never the server's). */
export function formatParisDate(date: Date | null | undefined): string {
  if (!date) return "—";
  return format(new TZDate(date, "Europe/Paris"), "dd/MM/yyyy");
}

/** A civil date (birth date) stored as midnight UTC, read in UTC. */
export function formatCivilDate(date: Date | null | undefined): string {
  if (!date) return "";
  return format(new TZDate(date, "UTC"), "dd/MM/yyyy");
}

/** The Demandes table's "Etat" column: still with the service, or done. */
export function requestStateLabel(status: ReviewStatus): string {
  return status === "PENDING" ? "En attente" : "Traitée";
}

/** The "Validation" column: the decision, with its date or reason. */
export function requestValidationLabel(request: { status: ReviewStatus; handledAt: Date | null; refusalReason: string | null }): string {
  if (request.status === "VALIDATED") return `Acceptée le ${formatParisDate(request.handledAt)}`;
  if (request.status === "REFUSED") return `Refusée${request.refusalReason ? ` : ${request.refusalReason}` : ""}`;
  return "—";
}

export const STATUS_BADGE: Record<ReviewStatus, string> = {
  PENDING: "bg-amber-50 text-warn-800 border-amber-600",
  VALIDATED: "bg-green-50 text-ok-700 border-ok-700",
  REFUSED: "bg-red-50 text-danger-700 border-danger-700",
};
