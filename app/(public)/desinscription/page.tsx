import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { UnsubscribeForm } from "./unsubscribe-form";

export const metadata: Metadata = { title: "Désinscription", robots: { index: false } };

/**
 * The "Désinscription" link of service emails and of reminders (`k=rappels`).
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
                réservation en attente de paiement. Vous pourrez les réactiver à tout moment dans Mon Espace, rubrique
                « Rappels par e-mail ».
              </p>
            ) : (
              <p>
                Vous ne recevrez plus les mails du service sur le traitement de vos documents et de vos demandes. Les mails
                liés à votre compte (mot de passe, adresse mail) et à vos paiements continueront de vous parvenir.
              </p>
            )}
            <UnsubscribeForm userId={u} signature={s} kind={reminders ? "rappels" : "service"} />
          </div>
        ) : (
          <Alert tone="error">Ce lien de désinscription est incomplet : utilisez le lien du dernier mail reçu.</Alert>
        )}
      </Card>
    </>
  );
}
