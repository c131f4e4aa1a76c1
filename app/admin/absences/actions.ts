"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { decideAbsenceReport, DecideAbsenceSchema } from "@/lib/absences";
import { keepValues } from "../_lib/form-values";

export const decideAbsenceAction = defineAction(
  { role: "staff", schema: DecideAbsenceSchema, finish: keepValues },
  async ({ input: { reportId, decision, refusalReason }, user: actor }) => {
    await decideAbsenceReport({ actor, reportId, approve: decision === "approve", refusalReason });
    // The menu counts the reports to decide: every back-office page shows it.
    revalidatePath("/admin", "layout");
    // The decided report leaves the queue, and its form with it: the page says what was decided, read back from the database.
    redirect(`/admin/absences?traitee=${encodeURIComponent(reportId)}`);
  },
);
