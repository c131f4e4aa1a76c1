import type { ReviewStatus } from "@/lib/generated/prisma/client";

export const STATUS_BADGE: Record<ReviewStatus, string> = {
  PENDING: "bg-amber-50 text-warn-800 border-amber-600",
  VALIDATED: "bg-green-50 text-ok-700 border-ok-700",
  REFUSED: "bg-red-50 text-danger-700 border-danger-700",
};
