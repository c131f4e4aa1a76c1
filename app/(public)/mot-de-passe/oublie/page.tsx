import type { Metadata } from "next";
import Link from "next/link";
import { ResetRequestForm } from "./reset-request-form";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold text-slate-900">Mot de passe oublié</h1>
      <p className="text-slate-700">
        Indiquez votre identifiant (8 caractères) ou votre adresse email : vous recevrez un lien pour choisir un nouveau
        mot de passe.
      </p>
      <ResetRequestForm />
      <Link href="/connexion" className="inline-block font-semibold text-brand-700 underline">
        Retour à la connexion
      </Link>
    </div>
  );
}
