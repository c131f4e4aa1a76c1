/**
 * A CSV file as a download: `name` (a list's French title, say) becomes a
 * plain ASCII file name, as a header cannot carry accents unencoded; never
 * cached, as the lists hold families' names.
 */
export function csvDownload(csv: string, name: string): Response {
  const fileName = name.normalize("NFD").replace(/[^\w.-]+/g, "-").toLowerCase();
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
