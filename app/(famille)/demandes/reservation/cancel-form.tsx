"use client";

import Form from "next/form";
import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { cancelPendingAction } from "./actions";

const CANCEL_LABEL = "Annuler ces réservations et supprimer ces factures";

/**
 * First step of cancelling a pending booking: a GET form that only asks
 * the page for its confirmation step (?annuler=confirmer), so a stray tap,
 * with or without JavaScript, changes nothing. Back from that step
 * ("Garder mes réservations", ?annuler=non) focus returns here, where the
 * keyboard or screen-reader user left.
 */
export function CancelPendingStart({ pagePath, returning }: { pagePath: string; returning: boolean }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (returning) ref.current?.focus();
  }, [returning]);
  return (
    <Form action={pagePath} scroll={false}>
      <input type="hidden" name="annuler" value="confirmer" />
      <button ref={ref} type="submit" className="inline-flex min-h-11 w-full items-center justify-center rounded-md px-4 py-2 text-sm font-semibold text-danger-700 underline hover:bg-red-50 sm:w-auto">
        {CANCEL_LABEL}
      </button>
    </Form>
  );
}

/**
 * Second step: what cancelling does, then "Confirmer l'annulation" (the
 * only control that cancels) or "Garder mes réservations". The step takes
 * focus when it appears so a screen reader reads the question first.
 */
export function CancelPendingConfirm({ invoiceId, invoiceNumber, pagePath }: { invoiceId: string; invoiceNumber: number; pagePath: string }) {
  const [state, action] = useActionState(cancelPendingAction, idle);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [state]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="annulation-title"
      className="space-y-3 rounded-lg border-2 border-danger-700 bg-white p-4 outline-none focus-visible:ring-2 focus-visible:ring-brand-700"
    >
      <h2 id="annulation-title" className="font-semibold text-danger-700">
        {CANCEL_LABEL} ?
      </h2>
      <p className="text-sm text-slate-800">
        Les places retenues seront libérées et la facture n° {invoiceNumber} sera annulée. Vous pourrez réserver à nouveau
        tant que les jours restent ouverts.
      </p>
      {state.status === "error" ? <Alert tone="error" title={state.message} /> : null}
      <div className="flex flex-col gap-2 sm:flex-row">
        <form action={action}>
          <input type="hidden" name="invoiceId" value={invoiceId} />
          <SubmitButton variant="danger" pendingLabel="Annulation…" className="w-full sm:w-auto">
            Confirmer l&apos;annulation
          </SubmitButton>
        </form>
        <Link href={`${pagePath}?annuler=non`} scroll={false} replace className={buttonClass("secondary", "w-full sm:w-auto")}>
          Garder mes réservations
        </Link>
      </div>
    </section>
  );
}
