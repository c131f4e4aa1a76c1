import Link from "next/link";

type NotFoundLink = { href: string; label: string };

const PUBLIC_LINKS: NotFoundLink[] = [
  { href: "/accueil", label: "Accueil" },
  { href: "/connexion", label: "Se connecter" },
];

/**
 * What every 404 of the portal says, inside whichever header and footer the
 * visitor was in. Worded for a mistyped or outdated address, and for a page
 * the visitor may not see: both look the same from outside, on purpose.
 */
export function NotFoundMessage({ links = PUBLIC_LINKS }: { links?: NotFoundLink[] }) {
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">Page introuvable</h1>
      <p className="text-slate-700">
        Cette page n&apos;existe pas ou n&apos;est plus disponible. Vérifiez l&apos;adresse, ou repartez de l&apos;une
        de ces pages :
      </p>
      <ul className="flex flex-wrap gap-4">
        {links.map((link) => (
          <li key={link.href}>
            <Link className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline" href={link.href}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
