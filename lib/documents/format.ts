import { formatDate } from "@/lib/format";
import type { ReviewStatus } from "@/lib/generated/prisma/client";

/** The Demandes table's "Etat" column: still with the service, or done. */
export function requestStateLabel(status: ReviewStatus): string {
  return status === "PENDING" ? "En attente" : "Traitée";
}

/** The "Validation" column: the decision, with its date or reason. */
export function requestValidationLabel(request: { status: ReviewStatus; handledAt: Date | null; refusalReason: string | null }): string {
  if (request.status === "VALIDATED") return `Acceptée le ${formatDate(request.handledAt)}`;
  if (request.status === "REFUSED") return `Refusée${request.refusalReason ? ` : ${request.refusalReason}` : ""}`;
  return "—";
}

export const STATUS_BADGE: Record<ReviewStatus, string> = {
  PENDING: "bg-amber-50 text-warn-800 border-amber-600",
  VALIDATED: "bg-green-50 text-ok-700 border-ok-700",
  REFUSED: "bg-red-50 text-danger-700 border-danger-700",
};
