"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  { href: "/accueil", label: "Accueil" },
  { href: "/demandes", label: "Demandes" },
  { href: "/factures", label: "Factures" },
  { href: "/mon-espace", label: "Mon Espace" },
];

export function FamilyNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Menu principal" className="bg-brand-800">
      <ul className="mx-auto grid max-w-5xl grid-cols-2 sm:flex sm:px-4">
        {ITEMS.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block min-h-11 px-4 py-3 text-center text-sm font-semibold text-white hover:bg-brand-700 ${
                  current ? "bg-white/15 underline decoration-2 underline-offset-4" : ""
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
