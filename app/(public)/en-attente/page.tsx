import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { requireRole } from "@/lib/auth/dal";
import { roleGrants } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Compte en attente de vérification" };

export default async function WaitingPage() {
  const user = await requireRole("user");
  if (!roleGrants(user.role, "parent")) redirect("/admin");
  if (user.status === "ACTIVE" && user.householdId) redirect("/accueil");
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold text-slate-900">Bonjour {user.firstName},</h1>
      <Alert tone="info" title="Votre identité est en cours de vérification.">
        Votre compte est actif mais ne contient pas encore les informations de votre famille. Elles seront accessibles
        après le contrôle de votre identité par le service des Affaires Scolaires. Vous recevrez un email dès que
        votre compte sera relié à votre famille.
      </Alert>
      <p className="text-sm text-slate-700">
        Votre identifiant de connexion : <strong className="font-mono">{user.identifiant}</strong>
      </p>
      <SignOutButton className="text-brand-700" />
    </div>
  );
}
