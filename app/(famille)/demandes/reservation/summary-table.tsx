import type { InvoiceLineDto } from "@/lib/bookings/queries";
import { formatCents } from "@/lib/format";

/** Libellé / Qte / Prix / Total, then TOTAL — the seed's summary and pending-payment table. */
export function SummaryTable({ caption, lines, totalCents }: { caption: string; lines: InvoiceLineDto[]; totalCents: number }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto">
      <table className="w-full min-w-[20rem] border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="p-2">
              Libellé
            </th>
            <th scope="col" className="p-2 text-right">
              Qte
            </th>
            <th scope="col" className="p-2 text-right">
              Prix
            </th>
            <th scope="col" className="p-2 text-right">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i} className="border-b border-slate-200">
              <td className="p-2">{l.label}</td>
              <td className="p-2 text-right">{l.quantity}</td>
              <td className="p-2 text-right whitespace-nowrap">{formatCents(l.unitPriceCents)}</td>
              <td className="p-2 text-right whitespace-nowrap">{formatCents(l.totalCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-bold">
            <th scope="row" colSpan={3} className="p-2 text-left">
              TOTAL
            </th>
            <td className="p-2 text-right whitespace-nowrap" data-testid="total">
              {formatCents(totalCents)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
