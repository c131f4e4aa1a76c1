import type { GridDto } from "@/lib/bookings/queries";

/** "Coordonnées du responsable", as at the top of the seed's booking screen. */
export function ResponsibleDetails({ name, household }: { name: string; household: GridDto["household"] }) {
  return (
    <section aria-labelledby="responsable-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="responsable-title" className="mb-2 font-semibold">
        Coordonnées du responsable
      </h2>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Nom</dt>
        <dd>{name}</dd>
        <dt className="font-semibold">Adresse</dt>
        <dd>
          {household.address1}
          {household.address2 ? `, ${household.address2}` : ""}
        </dd>
        <dt className="font-semibold">Code Postal</dt>
        <dd>{household.postalCode}</dd>
        <dt className="font-semibold">Ville</dt>
        <dd>{household.city}</dd>
      </dl>
    </section>
  );
}
