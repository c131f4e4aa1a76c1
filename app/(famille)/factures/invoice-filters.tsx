import { buttonClass } from "@/components/ui/button";

/**
 * The seed's filters above the invoices: "Date" (the year) and "Recherche".
 * A GET form, so it works without JavaScript and a filtered view can be
 * bookmarked; Factures and Accueil › Factures share it (`hidden` keeps the
 * tab). The row wraps on a phone and at 200 % text.
 */
export function InvoiceFilters({
  action,
  hidden = {},
  years,
  year,
  query,
}: {
  action: string;
  hidden?: Record<string, string>;
  years: number[];
  year: number | null;
  query: string;
}) {
  return (
    <form method="get" action={action} role="search" aria-label="Filtrer les factures" className="flex flex-wrap items-end gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor="annee" className="block text-sm font-semibold">
          Date
        </label>
        <select id="annee" name="annee" defaultValue={year ?? ""} className="min-h-11 rounded-md border border-slate-500 bg-white px-3">
          <option value="">Toutes les années</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-0 max-w-full">
        <label htmlFor="recherche-factures" className="block text-sm font-semibold">
          Recherche
        </label>
        <input
          id="recherche-factures"
          name="q"
          type="search"
          defaultValue={query}
          className="block min-h-11 w-64 max-w-full rounded-md border border-slate-500 px-3 py-2"
        />
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Filtrer
      </button>
    </form>
  );
}

/** The empty list's words, saying which filter left nothing. */
export function noInvoiceTitle(year: number | null, query: string): string {
  if (query) return "Aucune facture ne correspond à votre recherche.";
  return year ? `Aucune facture en ${year}.` : "Aucune facture pour le moment.";
}
