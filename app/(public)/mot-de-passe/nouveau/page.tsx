import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { NewPasswordForm } from "./new-password-form";

export const metadata: Metadata = { title: "Nouveau mot de passe" };

export default async function NewPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold text-slate-900">Choisir un nouveau mot de passe</h1>
      {token ? (
        <NewPasswordForm token={token} />
      ) : (
        <Alert tone="error">Ce lien n&apos;est pas complet. Ouvrez le lien reçu par email.</Alert>
      )}
    </div>
  );
}
