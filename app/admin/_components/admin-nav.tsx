"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type AdminNavItem = { href: string; label: string; count?: number; countLabel?: string };

export function AdminNav({ items }: { items: AdminNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Menu du back-office" className="bg-brand-800">
      <ul className="mx-auto flex max-w-6xl flex-wrap sm:px-4">
        {items.map((item) => {
          // The dashboard is the prefix of every page: only its own URL marks it current.
          const current =
            item.href === "/admin" ? pathname === "/admin" : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href} className="grow sm:grow-0">
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`flex min-h-11 items-center justify-center gap-2 px-3 py-2 text-center text-sm font-semibold text-white hover:bg-brand-700 ${
                  current ? "bg-white/15 underline decoration-2 underline-offset-4" : ""
                }`}
              >
                {item.label}
                {item.count ? (
                  <span className="rounded-full bg-white px-2 py-0.5 text-xs font-bold text-brand-800">
                    <span className="sr-only">(</span>
                    {item.count}
                    <span className="sr-only"> {item.countLabel ?? ""})</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
