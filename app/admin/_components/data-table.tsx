import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/card";
import { ScrollTable, captionClass, tdClass, thClass } from "./scroll-table";

export type DataColumn<T> = {
  /** The column's name, read by screen readers for every cell: an icon-only column passes an sr-only span. */
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: "left" | "right";
  /**
   * The cell that names the row (a th scope="row"), so a screen reader
   * announces "Facture N° 12" before "Montant" instead of a bare amount.
   */
  rowHeader?: boolean;
  /** Extra classes on the cells (wrapping, weight), never on the header. */
  className?: string;
};

// Literal class names so Tailwind sees them; a table too wide for a phone scrolls inside ScrollTable.
const MIN_WIDTH = {
  "36rem": "min-w-[36rem]",
  "40rem": "min-w-[40rem]",
  "44rem": "min-w-[44rem]",
  "48rem": "min-w-[48rem]",
  "56rem": "min-w-[56rem]",
} as const;

/**
 * The back office's one table: caption, column headers, rows, the empty
 * case and the keyboard-reachable scroll region. Pages describe columns;
 * the markup an assistive technology relies on (caption, th scope) is
 * written once, here.
 */
export function DataTable<T>({
  label,
  caption,
  columns,
  rows,
  rowKey,
  minWidth,
  emptyState,
  emptyRow,
}: {
  /** The scroll region's accessible name. */
  label: string;
  caption: ReactNode;
  columns: DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  minWidth?: keyof typeof MIN_WIDTH;
  /** With no rows, this replaces the whole table. */
  emptyState?: { title: ReactNode; children?: ReactNode };
  /** With no rows, the table stays and shows this line (a statement whose columns are worth seeing even empty). */
  emptyRow?: ReactNode;
}) {
  if (rows.length === 0 && emptyState) return <EmptyState title={emptyState.title}>{emptyState.children}</EmptyState>;
  return (
    <ScrollTable label={label}>
      <table className={`w-full border-collapse ${minWidth ? MIN_WIDTH[minWidth] : ""}`}>
        <caption className={captionClass}>{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={column.align === "right" ? `${thClass} text-right` : thClass}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && emptyRow ? (
            <tr>
              <td colSpan={columns.length} className={tdClass}>
                {emptyRow}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={rowKey(row, index)} className="border-t border-slate-200">
                {columns.map((column, i) => {
                  const className = [tdClass, column.rowHeader ? "text-left" : "", column.align === "right" ? "text-right" : "", column.className ?? ""]
                    .filter(Boolean)
                    .join(" ");
                  return column.rowHeader ? (
                    <th key={i} scope="row" className={className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={i} className={className}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </ScrollTable>
  );
}
