import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/dal";
import { env } from "@/lib/env";
import { RegistrationForm } from "./registration-form";

export const metadata: Metadata = { title: "S'inscrire" };

export default async function RegistrationPage() {
  if (await getCurrentUser()) redirect("/");
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-2 text-2xl font-bold text-slate-900">S&apos;inscrire</h1>
      <p className="mb-6 text-slate-700">
        Remplissez les champs demandés, une pièce d&apos;identité est obligatoire. Un seul des deux numéros de
        téléphone est requis.
      </p>
      <RegistrationForm
        uploadDriver={env().uploadthingToken ? "uploadthing" : "local"}
        maxBytes={env().uploadMaxBytes}
      />
    </div>
  );
}
