"use client";

import Link from "next/link";
import { useRef } from "react";
import { Button, buttonClass } from "@/components/ui/button";

type Child = { id: string; firstName: string; lastName: string };

/**
 * "Un pop-up s'affiche afin de choisir l'enfant": a native modal <dialog>,
 * which keeps focus inside, closes with Échap and gives focus back to the
 * button that opened it.
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
                <Link className={buttonClass("primary", "w-full")} href={`/demandes/reservation/${productId}?enfant=${c.id}`}>
                  {c.firstName} {c.lastName}
                </Link>
              </li>
            ))}
            {eligible.length > 1 ? (
              <li>
                <Link className={buttonClass("secondary", "w-full")} href={`/demandes/reservation/${productId}?enfant=tous`}>
                  Tous mes enfants
                </Link>
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
