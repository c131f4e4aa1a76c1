import Link from "next/link";
import { describeTariffDefaults, type TariffDefaults } from "@/lib/catalogue/rules";

/**
 * The authority's rule for households without a valid QF or a régime, as one
 * sentence: "Familles sans quotient familial ou sans régime : tranche la plus
 * haute du régime général (modifiable dans Paramètres)".
 */
export function TariffRule({ defaults, isAdmin }: { defaults: TariffDefaults; isAdmin: boolean }) {
  return (
    <p className="text-sm text-slate-700" data-testid="tariff-rule">
      {describeTariffDefaults(defaults)} (
      {isAdmin ? (
        <>
          modifiable dans{" "}
          <Link href="/admin/parametres" className="font-semibold text-brand-700 underline">
            Paramètres
          </Link>
        </>
      ) : (
        "modifiable par un administrateur dans Paramètres"
      )}
      ). Une famille dont le régime n&apos;a pas de tarif propre paie le tarif « Tous régimes », sinon celui de ce régime.
    </p>
  );
}
