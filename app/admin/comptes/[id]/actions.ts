"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  CreateHouseholdSchema,
  LinkAccountSchema,
  RejectAccountSchema,
  createHouseholdForAccount,
  linkAccountToPerson,
  rejectAccount,
  type ReviewOutcome,
} from "@/lib/accounts/review";
import { defineAction } from "@/lib/actions";
import { keepValues } from "../../_lib/form-values";

// The account page shows the decision once taken; the query says which one,
// and whether the parent could be told by email.
function showDecision(outcome: ReviewOutcome, decision: "lie" | "cree" | "refuse"): never {
  // The pending count in the back-office menu changes with every decision.
  revalidatePath("/admin", "layout");
  const email = outcome.emailSent ? "" : "&email=echec";
  redirect(`/admin/comptes/${encodeURIComponent(outcome.userId)}?decision=${decision}${email}`);
}

export const linkAccountAction = defineAction({ role: "staff", schema: LinkAccountSchema, finish: keepValues }, async ({ input, user: actor }) => {
  showDecision(await linkAccountToPerson({ actor, userId: input.userId, personId: input.personId }), "lie");
});

export const createHouseholdAction = defineAction(
  { role: "staff", schema: CreateHouseholdSchema, finish: keepValues },
  async ({ input: { userId, ...household }, user: actor }) => {
    showDecision(await createHouseholdForAccount({ actor, userId, ...household }), "cree");
  },
);

export const rejectAccountAction = defineAction({ role: "staff", schema: RejectAccountSchema, finish: keepValues }, async ({ input, user: actor }) => {
  showDecision(await rejectAccount({ actor, userId: input.userId, reason: input.reason }), "refuse");
});
