"use client";

import Link from "next/link";
import { useRef } from "react";
import { Button, buttonClass } from "@/components/ui/button";

type Child = { id: string; firstName: string; lastName: string };

/**
 * "Un pop-up s'affiche afin de choisir l'enfant": a native modal <dialog>,
 * which keeps focus inside, closes with Échap and gives focus back to the
 * button that opened it. A wide screen goes on to the seed's day-column
 * grid; a phone to the family calendar for that product, whose rows fit its
 * width (only one of the two links is displayed, and so read).
 */
export function ChildPicker({ productId, productName, serviceName, eligible }: { productId: string; productName: string; serviceName: string; eligible: Child[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = `choix-${productId}`;
  if (eligible.length === 0) {
    return <p className="text-sm text-slate-700">Aucun de vos enfants ne peut réserver cette prestation.</p>;
  }
  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()} aria-haspopup="dialog">
        Réserver : {productName}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {serviceName} — {productName} : choisir l&apos;enfant
          </h2>
          <ul className="space-y-2">
            {eligible.map((c) => (
              <li key={c.id}>
                <ChildLink productId={productId} child={c.id} variant="primary">
                  {c.firstName} {c.lastName}
                </ChildLink>
              </li>
            ))}
            {eligible.length > 1 ? (
              <li>
                <ChildLink productId={productId} child="tous" variant="secondary">
                  Tous mes enfants
                </ChildLink>
              </li>
            ) : null}
          </ul>
          <form method="dialog" className="text-right">
            <Button type="submit" variant="ghost">
              Fermer
            </Button>
          </form>
        </div>
      </dialog>
    </>
  );
}

function ChildLink({ productId, child, variant, children }: { productId: string; child: string; variant: "primary" | "secondary"; children: React.ReactNode }) {
  const calendar = new URLSearchParams({ prestation: productId, ...(child === "tous" ? {} : { enfant: child }) });
  return (
    <>
      <span className="block md:hidden">
        <Link className={buttonClass(variant, "w-full")} href={`/demandes/reservation/calendrier?${calendar.toString()}`} prefetch={false}>
          {children}
        </Link>
      </span>
      <span className="hidden md:block">
        <Link className={buttonClass(variant, "w-full")} href={`/demandes/reservation/${productId}?enfant=${child}`}>
          {children}
        </Link>
      </span>
    </>
  );
}
