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
import { requireStaff } from "@/lib/auth/dal";
import { formDataToObject, handleForm } from "@/lib/forms";
import { keepValues, type AdminFormState } from "../../_lib/form-values";

// The account page shows the decision once taken; the query says which one,
// and whether the parent could be told by email.
function showDecision(outcome: ReviewOutcome, decision: "lie" | "cree" | "refuse"): never {
  // The pending count in the back-office menu changes with every decision.
  revalidatePath("/admin", "layout");
  const email = outcome.emailSent ? "" : "&email=echec";
  redirect(`/admin/comptes/${encodeURIComponent(outcome.userId)}?decision=${decision}${email}`);
}

export async function linkAccountAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  const state = await handleForm(LinkAccountSchema, formDataToObject(formData), async (data) => {
    showDecision(await linkAccountToPerson({ actor, userId: data.userId, personId: data.personId }), "lie");
  });
  return keepValues(state, formData);
}

export async function createHouseholdAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  const state = await handleForm(CreateHouseholdSchema, formDataToObject(formData), async ({ userId, ...household }) => {
    showDecision(await createHouseholdForAccount({ actor, userId, ...household }), "cree");
  });
  return keepValues(state, formData);
}

export async function rejectAccountAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const actor = await requireStaff();
  const state = await handleForm(RejectAccountSchema, formDataToObject(formData), async (data) => {
    showDecision(await rejectAccount({ actor, userId: data.userId, reason: data.reason }), "refuse");
  });
  return keepValues(state, formData);
}
