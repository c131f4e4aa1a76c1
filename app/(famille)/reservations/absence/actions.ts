"use server";

import { redirect } from "next/navigation";
import { defineInputAction } from "@/lib/actions";
import { reportAbsence, ReportAbsenceSchema } from "@/lib/absences";
import { discardUnclaimedUploads } from "@/lib/documents";

/** "Envoyer": the certificate is already uploaded; the absence and its credit are one transaction. */
export const reportAbsenceAction = defineInputAction(
  {
    role: "parent",
    schema: ReportAbsenceSchema,
    // A refused report leaves no certificate behind.
    finish: async (state, input) => {
      if (state.status === "error") {
        const parsed = ReportAbsenceSchema.shape.certificate.safeParse((input as { certificate?: unknown } | null)?.certificate);
        if (parsed.success && parsed.data) await discardUnclaimedUploads([parsed.data]);
      }
      return state;
    },
  },
  async ({ input, user }) => {
    const { reportId } = await reportAbsence({ actor: { id: user.id }, householdId: user.householdId, ...input });
    redirect(`/reservations/absence?signalement=${encodeURIComponent(reportId)}`);
  },
);
