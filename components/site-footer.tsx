import Link from "next/link";
import { getConformity } from "@/lib/accessibility";
import { CONFORMITY_LABELS } from "@/lib/accessibility/status";
import { WEEKDAYS, type AuthoritySettingsDto } from "@/lib/settings";

/**
 * "Accessibilité : partiellement conforme", linked to the declaration: the
 * mention article 47 of law 2005-102 asks for on every page, derived from
 * the declaration's own counts so the two cannot disagree.
 */
export async function AccessibilityMention({ className = "underline" }: { className?: string }) {
  const { status } = await getConformity();
  return (
    // Rarely opened, and on every page: not worth a prefetch on each view.
    <Link className={className} href="/accessibilite" prefetch={false}>
      Accessibilité : {CONFORMITY_LABELS[status]}
    </Link>
  );
}

/** The seed's footer: the authority's contact, opening hours, links and the app version. */
export function SiteFooter({ settings }: { settings: AuthoritySettingsDto }) {
  const days = WEEKDAYS.filter((d) => settings.openingHours[d]);
  const website = settings.website ? settings.website.replace(/^https?:\/\//, "").replace(/\/$/, "") : null;
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white text-sm text-slate-700">
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-8 sm:grid-cols-3">
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact" className="font-bold uppercase text-slate-900">
            {settings.name}
          </h2>
          <address className="mt-2 not-italic leading-relaxed">
            {settings.address1}
            <br />
            {settings.address2 ? (
              <>
                {settings.address2}
                <br />
              </>
            ) : null}
            {settings.postalCode} {settings.city}
            {settings.phone ? (
              <>
                <br />
                <a className="underline" href={`tel:${settings.phone.replace(/\s/g, "")}`}>
                  {settings.phone}
                </a>
              </>
            ) : null}
            {settings.email ? (
              <>
                <br />
                <a className="underline" href={`mailto:${settings.email}`}>
                  {settings.email}
                </a>
              </>
            ) : null}
          </address>
        </section>
        <section aria-labelledby="footer-hours">
          <h2 id="footer-hours" className="font-bold uppercase text-slate-900">
            Accueil
          </h2>
          {days.length ? (
            <dl className="mt-2 space-y-0.5">
              {days.map((day) => (
                <div key={day} className="flex flex-wrap gap-x-2">
                  <dt className="capitalize">{day} :</dt>
                  <dd>{settings.openingHours[day]}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="mt-2">Horaires non renseignés.</p>
          )}
        </section>
        <nav aria-labelledby="footer-links">
          <h2 id="footer-links" className="font-bold uppercase text-slate-900">
            Liens
          </h2>
          <ul className="mt-2 space-y-1">
            {settings.website && website ? (
              <li>
                <a className="underline" href={settings.website} rel="noopener">
                  {website}
                </a>
              </li>
            ) : null}
            {/* Rarely opened, and on every page: not worth a prefetch on each view. */}
            <li>
              <Link className="underline" href="/mentions-legales" prefetch={false}>
                Mentions légales
              </Link>
            </li>
            <li>
              <AccessibilityMention />
            </li>
            <li>
              <Link className="underline" href="/cgu" prefetch={false}>
                Conditions générales d&apos;utilisation
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <p className="pb-6 text-center text-xs text-slate-600">V{process.env.NEXT_PUBLIC_APP_VERSION}</p>
    </footer>
  );
}
