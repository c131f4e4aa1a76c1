"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { applyCreditAction } from "./actions";

/** "Utiliser mon avoir" on one invoice: one click; disabled while it runs, and a refusal is announced and focused. */
export function UseCreditButton({ invoiceId, invoiceNumber }: { invoiceId: string; invoiceNumber: number }) {
  const [state, action] = useActionState(applyCreditAction, idle);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") ref.current?.focus();
  }, [state]);
  return (
    <form action={action} className="inline-block">
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <SubmitButton variant="secondary" pendingLabel="Utilisation…">
        Utiliser mon avoir<span className="sr-only"> pour la facture N° {invoiceNumber}</span>
      </SubmitButton>
      {state.status === "error" && state.message ? (
        <div ref={ref} tabIndex={-1} className="mt-2 w-64 max-w-full whitespace-normal outline-none focus-visible:ring-2 focus-visible:ring-brand-700">
          <Alert tone="error">{state.message}</Alert>
        </div>
      ) : null}
    </form>
  );
}
