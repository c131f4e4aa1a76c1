"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { acceptRequest, refuseRequest, RefuseRequestSchema, RequestDecisionSchema } from "@/lib/requests";
import { keepValues } from "../_lib/form-values";

export const acceptRequestAction = defineAction(
  { role: "staff", schema: RequestDecisionSchema, finish: keepValues },
  async ({ input: { requestId }, user: actor }) => {
    await acceptRequest({ actor, requestId });
    revalidatePath("/admin", "layout");
    redirect(`/admin/demandes/${encodeURIComponent(requestId)}?decision=acceptee`);
  },
);

export const refuseRequestAction = defineAction(
  { role: "staff", schema: RefuseRequestSchema, finish: keepValues },
  async ({ input: { requestId, reason }, user: actor }) => {
    await refuseRequest({ actor, requestId, reason });
    revalidatePath("/admin", "layout");
    redirect(`/admin/demandes/${encodeURIComponent(requestId)}?decision=refusee`);
  },
);
