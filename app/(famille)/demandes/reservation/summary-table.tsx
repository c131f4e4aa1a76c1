import type { InvoiceLineDto } from "@/lib/bookings/queries";
import { formatCents } from "@/lib/format";

/**
 * Libellé / Qte / Prix / Total, then TOTAL — the seed's summary and
 * pending-payment table. From sm up it is that table. On a phone the same
 * table stacks: each line a card, its label on top, then "2 × 2,50 €" and
 * its total, the column headers kept for screen readers only. One table at
 * every width (rather than a list beside a hidden table) so that tests,
 * assistive technology and the page agree on one structure; the explicit
 * roles keep the table's semantics once CSS changes its display, which
 * WebKit and older Chromium otherwise drop.
 */
export function SummaryTable({ caption, lines, totalCents }: { caption: string; lines: InvoiceLineDto[]; totalCents: number }) {
  return (
    // "relative": the visually hidden headers (position: absolute) stay inside the region instead of widening the page.
    <div role="region" aria-label={caption} tabIndex={0} className="relative sm:overflow-x-auto">
      <table role="table" className="block w-full border-collapse text-sm sm:table">
        <caption className="sr-only">{caption}</caption>
        <thead role="rowgroup" className="sr-only sm:not-sr-only sm:table-header-group">
          <tr role="row" className="border-b border-slate-300 text-left">
            <th role="columnheader" scope="col" className="p-2">
              Libellé
            </th>
            <th role="columnheader" scope="col" className="p-2 text-right">
              Qte
            </th>
            <th role="columnheader" scope="col" className="p-2 text-right">
              Prix
            </th>
            <th role="columnheader" scope="col" className="p-2 text-right">
              Total
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup" className="block space-y-2 sm:table-row-group sm:space-y-0">
          {lines.map((l, i) => (
            <tr
              key={i}
              role="row"
              className="grid grid-cols-[auto_1fr_auto] items-baseline gap-x-1 rounded-md border border-slate-200 p-3 sm:table-row sm:rounded-none sm:border-0 sm:border-b sm:p-0"
            >
              <td role="cell" className="col-span-3 pb-1 font-semibold break-words sm:p-2 sm:font-normal">
                {l.label}
              </td>
              <td role="cell" className="tabular-nums sm:p-2 sm:text-right">
                {l.quantity}
                <span aria-hidden="true" className="sm:hidden">
                  {" "}
                  ×
                </span>
              </td>
              <td role="cell" className="whitespace-nowrap tabular-nums sm:p-2 sm:text-right">
                {formatCents(l.unitPriceCents)}
              </td>
              <td role="cell" className="text-right font-semibold whitespace-nowrap tabular-nums sm:p-2 sm:font-normal">
                {formatCents(l.totalCents)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot role="rowgroup" className="mt-3 block sm:table-footer-group">
          <tr role="row" className="flex items-baseline justify-between gap-2 px-3 text-base font-bold sm:table-row sm:px-0 sm:text-sm">
            <th role="rowheader" scope="row" colSpan={3} className="text-left sm:p-2">
              TOTAL
            </th>
            <td role="cell" className="whitespace-nowrap tabular-nums sm:p-2 sm:text-right" data-testid="total">
              {formatCents(totalCents)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
