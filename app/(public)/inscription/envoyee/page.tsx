import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Votre compte a été créé" };

export default async function RegistrationSentPage() {
  const email = (await cookies()).get("inscription_email")?.value;
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold text-slate-900">Votre compte a été créé.</h1>
      <Alert tone="warning" title="Attention">
        Votre compte sera actif une fois que vous l&apos;aurez confirmé.
      </Alert>
      <p>
        Un email de confirmation vous a été envoyé{email ? <> à <strong>{email}</strong></> : null}. Veuillez cliquer sur le
        lien contenu dans le mail pour confirmer votre adresse mail.
      </p>
      <p className="text-sm text-slate-700">
        Vous ne le trouvez pas ? Regardez dans vos courriers indésirables. Le lien reste valable 48 heures.
      </p>
      <Link href="/connexion" className="inline-block font-semibold text-brand-700 underline">
        Retour au portail
      </Link>
    </div>
  );
}
