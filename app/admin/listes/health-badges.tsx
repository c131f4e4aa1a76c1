import type { DayListHealthCounts, DayListRow } from "@/lib/bookings/lists";

const badge = "inline-block rounded-full border px-2 py-0.5 text-xs font-semibold";

/**
 * A child's diets and PAI as text badges: the words are the text
 * alternative (RGAA 1.1), colour only repeats them. "PAI" stands out, since
 * staff must follow the child's protocol that day.
 */
export function HealthBadges({ row }: { row: Pick<DayListRow, "diets" | "pai" | "allergies"> }) {
  if (!row.pai && !row.allergies && row.diets.length === 0) return <>—</>;
  return (
    <ul className="flex flex-wrap gap-1">
      {row.pai ? (
        <li>
          <abbr title="Projet d'accueil individualisé" className={`${badge} border-danger-700 bg-red-50 text-danger-700 no-underline`}>
            PAI
          </abbr>
        </li>
      ) : null}
      {row.allergies ? <li className={`${badge} border-amber-600 bg-amber-50 text-warn-800`}>Allergies</li> : null}
      {row.diets.map((label) => (
        <li key={label} className={`${badge} border-slate-400 bg-slate-50 text-slate-800`}>
          {label}
        </li>
      ))}
    </ul>
  );
}

/** The canteen's counts: one line per diet served, then the PAI, over the children expected. */
export function HealthCounts({ counts }: { counts: DayListHealthCounts }) {
  return (
    <div className="mb-3 text-sm">
      <h3 className="font-semibold">Repas particuliers (enfants attendus)</h3>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {counts.diets.map((d) => (
          <li key={d.label}>
            {d.label} : {d.count}
          </li>
        ))}
        <li>PAI : {counts.pai}</li>
      </ul>
    </div>
  );
}
