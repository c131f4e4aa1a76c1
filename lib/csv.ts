/**
 * A table as CSV for French Excel: UTF-8 with a BOM, `;` separators, CRLF
 * lines, every cell quoted. A text cell starting with a formula character is
 * neutralised, so a spreadsheet never runs a name typed by a family as a
 * formula; numbers are written as they are.
 */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return "\uFEFF" + rows.map((cells) => cells.map(csvCell).join(";")).join("\r\n") + "\r\n";
}

function csvCell(value: string | number): string {
  if (typeof value === "number") return `"${value}"`;
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/**
 * A CSV file as a download: `name` (a list's French title, say) becomes a
 * plain ASCII file name, as a header cannot carry accents unencoded; never
 * cached, as the lists hold families' names.
 */
export function csvDownload(csv: string, name: string): Response {
  const fileName = name.normalize("NFD").replace(/\p{M}+/gu, "").replace(/[^\w.-]+/g, "-").toLowerCase();
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
