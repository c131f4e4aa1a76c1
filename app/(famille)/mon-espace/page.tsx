import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listFamilyMembers } from "@/lib/households";
import { QUALITY_LABELS } from "@/lib/format";
import { SignOutEverywhere } from "./sign-out-everywhere";

export const metadata: Metadata = { title: "Mon Espace" };

export default async function MySpacePage() {
  const user = await requireRole("parent");
  const members = await listFamilyMembers(user.householdId);
  return (
    <>
      <PageTitle description="Résumé de votre famille et des documents envoyés.">Mon Espace</PageTitle>
      <Card title="Famille">
        <ul className="divide-y divide-slate-200">
          {members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <span>
                <Link href={`/mon-espace/membres/${m.id}`} className="font-semibold text-brand-700 underline">
                  {m.firstName} {m.lastName}
                </Link>{" "}
                <span className="text-sm text-slate-600">({QUALITY_LABELS[m.quality]})</span>
              </span>
              {m.synced ? (
                <span className="rounded-full bg-green-50 px-3 py-1 text-sm font-semibold text-ok-700">Compte Synchronisé</span>
              ) : null}
            </li>
          ))}
        </ul>
        <p className="mt-4">
          <Link href="/demandes/demarches/nouvelle/AJOUT_PERSONNE" className={buttonClass("secondary")}>
            Ajouter une personne de la famille
          </Link>
        </p>
        <p className="mt-4 text-sm text-slate-700">
          Votre identifiant de connexion : <strong className="font-mono">{user.identifiant}</strong>
        </p>
      </Card>
      <div className="mt-6">
        <SignOutEverywhere />
      </div>
    </>
  );
}
