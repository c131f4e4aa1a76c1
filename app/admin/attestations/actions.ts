"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { issueTaxCertificateByReference, runCertificateBatch, startCertificateBatch } from "@/lib/certificates/batch";
import { formatCents } from "@/lib/format";
import { keepValues } from "../_lib/form-values";

const YearSchema = z.object({
  year: z.coerce.number({ error: "Indiquez l'année (par exemple 2026)." }).int("Indiquez l'année (par exemple 2026)."),
});

/** "Générer les attestations fiscales": the batch is opened here and runs once the answer has gone. */
export const startCertificateBatchAction = defineAction({ role: "staff", schema: YearSchema, finish: keepValues }, async ({ input: { year }, user: actor }) => {
  const batch = await startCertificateBatch({ actor, year });
  after(() => runCertificateBatch(batch.id));
  revalidatePath("/admin/attestations");
  return { status: "success", message: `Génération lancée pour ${batch.total} famille${batch.total > 1 ? "s" : ""} ayant payé en ${year}.` };
});

const OneSchema = YearSchema.extend({
  reference: z.coerce.number({ error: "Indiquez le n° de la famille." }).int("Indiquez le n° de la famille.").positive("Indiquez le n° de la famille."),
});

/** "Générer l'attestation" for one family, at once. */
export const issueOneCertificateAction = defineAction({ role: "staff", schema: OneSchema, finish: keepValues }, async ({ input: { year, reference }, user: actor }) => {
  const issued = await issueTaxCertificateByReference({ actor, reference, year });
  revalidatePath("/admin/attestations");
  return {
    status: "success",
    message: `Attestation ${year} de la famille ${issued.household} : ${formatCents(issued.totalCents)}${issued.emailed ? ", envoyée par mail" : ""}.`,
  };
});
