import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type DataColumn } from "./data-table";

type Row = { id: string; name: string; amount: string };
const columns: DataColumn<Row>[] = [
  { header: "Nom", rowHeader: true, cell: (r) => r.name },
  { header: "Montant", align: "right", cell: (r) => r.amount },
];
const render = (props: Partial<Parameters<typeof DataTable<Row>>[0]>) =>
  renderToStaticMarkup(createElement(DataTable<Row>, { label: "Liste", caption: "2 lignes", columns, rows: [], rowKey: (r) => r.id, ...props }));

describe("DataTable", () => {
  it("writes the caption, column headers, row headers and the named, focusable scroll region", () => {
    const html = render({ rows: [{ id: "a", name: "Emma", amount: "3,00 €" }], minWidth: "40rem" });
    expect(html).toContain('role="region" aria-label="Liste" tabindex="0"');
    expect(html).toMatch(/<caption[^>]*>2 lignes<\/caption>/);
    expect(html).toMatch(/<th scope="col"[^>]*>Nom<\/th>/);
    expect(html).toMatch(/<th scope="col" class="[^"]*text-right"[^>]*>Montant<\/th>/);
    expect(html).toMatch(/<th scope="row"[^>]*>Emma<\/th>/);
    expect(html).toMatch(/<td class="[^"]*text-right"[^>]*>3,00 €<\/td>/);
    expect(html).toContain("min-w-[40rem]");
  });

  it("replaces the table by the empty state, or keeps it with an empty line", () => {
    const replaced = render({ emptyState: { title: "Aucune ligne", children: "Rien à afficher." } });
    expect(replaced).not.toContain("<table");
    expect(replaced).toContain("Aucune ligne");
    expect(replaced).toContain("Rien à afficher.");
    const kept = render({ emptyRow: "Aucun mouvement." });
    expect(kept).toContain("<caption");
    expect(kept).toMatch(/<td colspan="2"[^>]*>Aucun mouvement\.<\/td>/i);
  });
});
