import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { UnsubscribeForm } from "./unsubscribe-form";

export const metadata: Metadata = { title: "Désinscription", robots: { index: false } };

/**
 * The "Désinscription" link of service emails. The link only shows a button:
 * mail scanners that open every link must not unsubscribe anyone.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ u?: string; s?: string }> }) {
  const { u, s } = await searchParams;
  return (
    <>
      <PageTitle>Désinscription</PageTitle>
      <Card>
        {u && s ? (
          <div className="space-y-4">
            <p>
              Vous ne recevrez plus les mails du service sur le traitement de vos documents et de vos demandes. Les mails
              liés à votre compte (mot de passe, adresse mail) et à vos paiements continueront de vous parvenir.
            </p>
            <UnsubscribeForm userId={u} signature={s} />
          </div>
        ) : (
          <Alert tone="error">Ce lien de désinscription est incomplet : utilisez le lien du dernier mail reçu.</Alert>
        )}
      </Card>
    </>
  );
}
