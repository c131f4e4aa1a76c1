"use server";

import { notFound, redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { defineFormAction } from "@/lib/actions";
import { env } from "@/lib/env";
import { type ResultCode } from "@/lib/payments/payfip/protocol";
import { isOwnOrigin, settleSimulatedPayment, SimulatorError } from "@/lib/payments/payfip/simulator";
import { simulatorErrorCode } from "./messages";

const CODES: ResultCode[] = ["P", "V", "R", "Z", "A"];

// Anything but text reads as empty, like a missing field: the checks below refuse it.
const PaySchema = z.object({ idop: z.string().catch(""), resultrans: z.string().catch("") });

// Only text with control characters is refused before the body; it answers like an unknown page.
export const payAction = defineFormAction({ role: "public", schema: PaySchema, refused: () => notFound() }, async ({ input }) => {
  // The simulator exists only while it is the configured PayFiP.
  if (!env().payfip.simulator) notFound();
  const idOp = input.idop;
  const code = input.resultrans as ResultCode;
  if (!CODES.includes(code)) redirect(`/tpa/paiementws.web?idop=${encodeURIComponent(idOp)}`);
  let target;
  try {
    target = settleSimulatedPayment(idOp, code);
  } catch (error) {
    if (error instanceof SimulatorError) {
      // A code, never the sentence: the page maps it to its own text.
      redirect(`/tpa/paiementws.web?idop=${encodeURIComponent(idOp)}&erreur=${simulatorErrorCode(error.message)}`);
    }
    throw error;
  }
  // settleSimulatedPayment already refused other origins; never rely on one check.
  if (!isOwnOrigin(target.urlnotif) || !isOwnOrigin(target.urlredirect)) notFound();
  const notifyUrl = target.urlnotif;
  // Like PayFiP, the server-to-server notification travels on its own,
  // shortly after the payer is sent back: the return page may arrive first.
  after(async () => {
    await new Promise((r) => setTimeout(r, 1500));
    await fetch(notifyUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ idop: target.idOp }),
      // A redirect could lead the server elsewhere: never follow one.
      redirect: "error",
      signal: AbortSignal.timeout(10_000),
    }).catch(() => {
      // A lost notification is part of what the portal must survive: its poller settles the payment.
    });
  });
  const back = new URL(target.urlredirect);
  back.searchParams.set("idop", target.idOp);
  redirect(back.toString());
});
