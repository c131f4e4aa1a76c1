import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/dal";
import { LoginForm } from "./login-form";
import { loginNotice } from "./messages";

export const metadata: Metadata = { title: "Connexion" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ message?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const { message } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold text-slate-900">Connexion</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <LoginForm notice={loginNotice(message)} />
        <ul className="mt-6 space-y-2 text-sm">
          <li>
            <Link className="font-semibold text-brand-700 underline" href="/notice">
              Notice d&apos;utilisation du portail
            </Link>
          </li>
          <li>
            Pas encore inscrit ?{" "}
            <Link className="font-semibold text-brand-700 underline" href="/inscription">
              Cliquez ici !
            </Link>
          </li>
          <li>
            Mot de passe oublié ?{" "}
            <Link className="font-semibold text-brand-700 underline" href="/mot-de-passe/oublie">
              Réinitialiser
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
