import type { BookingSummaryDto } from "@/lib/bookings/summary";
import { SummaryTable } from "./summary-table";

/** The Résumé's body, as the seed has it: who, what, the QF and régime used, then the lines and their total. */
export function SummaryDetails({ summary }: { summary: BookingSummaryDto }) {
  return (
    <>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Responsable</dt>
        <dd>{summary.responsible}</dd>
        <dt className="font-semibold">Prestation</dt>
        <dd>{summary.serviceName}</dd>
      </dl>
      <p className="text-sm">
        {/* The seed's words, as printed on its Résumé. */}
        QF famille: {summary.qf ?? "non connu"} Régime: {summary.regime ?? "non connu"}
      </p>
      {summary.pricingNote ? <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-3 text-sm text-brand-800">{summary.pricingNote}</p> : null}
      <SummaryTable caption="Résumé réservation" lines={summary.lines} totalCents={summary.totalCents} />
      <p className="text-sm text-slate-700">En validant, les places sont retenues pendant le délai de paiement ; sans paiement, elles sont libérées.</p>
    </>
  );
}
