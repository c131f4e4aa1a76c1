import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { confirmEmailAction } from "./actions";
import { confirmErrorMessage } from "./messages";

export const metadata: Metadata = { title: "Confirmer votre inscription" };

// The link only shows a button: mail scanners that open links must not spend the token.
export default async function ConfirmPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; etat?: string; erreur?: string }>;
}) {
  const { token, etat, erreur } = await searchParams;
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold text-slate-900">Confirmer votre inscription</h1>
      {etat === "confirme" ? (
        <>
          <Alert tone="success" title="Votre adresse mail est confirmée.">
            Votre compte est actif mais ne contient pas encore les informations de votre famille : elles seront
            accessibles après le contrôle de votre identité par le service.
          </Alert>
          <ButtonLink href="/connexion">Se connecter</ButtonLink>
        </>
      ) : erreur ? (
        <>
          <Alert tone="error">{confirmErrorMessage(erreur)}</Alert>
          <ButtonLink href="/connexion" variant="secondary">
            Retour au portail
          </ButtonLink>
        </>
      ) : token ? (
        <form action={confirmEmailAction}>
          <input type="hidden" name="token" value={token} />
          <p className="mb-4">Cliquez sur le bouton pour confirmer votre adresse mail et activer votre compte.</p>
          <SubmitButton pendingLabel="Confirmation…">Confirmer inscription</SubmitButton>
        </form>
      ) : (
        <Alert tone="error">Ce lien n&apos;est pas complet. Ouvrez le lien reçu par email.</Alert>
      )}
    </div>
  );
}
