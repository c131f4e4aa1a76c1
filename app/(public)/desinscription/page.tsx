import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { UnsubscribeForm } from "./unsubscribe-form";

export const metadata: Metadata = { title: "Désinscription", robots: { index: false } };

/**
 * The "Désinscription" link of service emails (payment emails included) and
 * of reminders (`k=rappels`).
 * The link only shows a button: mail scanners that open every link must not
 * unsubscribe anyone.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ u?: string; s?: string; k?: string }> }) {
  const { u, s, k } = await searchParams;
  const reminders = k === "rappels";
  return (
    <>
      <PageTitle>Désinscription</PageTitle>
      <Card>
        {u && s ? (
          <div className="space-y-4">
            {reminders ? (
              <p>
                Vous ne recevrez plus les rappels par e-mail : date limite de réservation de la semaine suivante et
                réservation en attente de paiement.
              </p>
            ) : (
              <>
                <p>
                  Vous ne recevrez plus les e-mails du service : quand le service a traité un document ou une démarche
                  que vous avez envoyé, et quand vous commencez un paiement en ligne.
                </p>
                {/* The decision enforced in lib/billing/notify.ts, told to the person it concerns. */}
                <p>
                  Le résultat de vos paiements (accepté, refusé, abandonné) vous est toujours envoyé, car il confirme une
                  opération sur votre compte famille, comme les e-mails liés à votre compte (mot de passe, adresse
                  mail).
                </p>
              </>
            )}
            <UnsubscribeForm userId={u} signature={s} kind={reminders ? "rappels" : "service"} />
            <p>
              Vous pourrez les recevoir à nouveau à tout moment : connectez-vous et cochez la case dans{" "}
              <Link href={reminders ? "/mon-espace" : "/mon-espace#e-mails-du-service"} className="font-semibold text-brand-700 underline">
                Mon espace
              </Link>
              , rubrique « {reminders ? "Rappels par e-mail" : "E-mails du service"} ».
            </p>
          </div>
        ) : (
          <Alert tone="error">Ce lien de désinscription est incomplet : utilisez le lien du dernier mail reçu.</Alert>
        )}
      </Card>
    </>
  );
}
