import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { ConfirmEmailChangeForm } from "./confirm-form";

export const metadata: Metadata = { title: "Confirmer votre adresse mail", robots: { index: false } };

/** The link of the email-change message: a button, so a mail scanner opening the link changes nothing. */
export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: Promise<{ jeton?: string }> }) {
  const { jeton } = await searchParams;
  return (
    <>
      <PageTitle>Confirmer votre adresse mail</PageTitle>
      <Card>
        {jeton ? <ConfirmEmailChangeForm token={jeton} /> : <Alert tone="error">Ce lien est incomplet : utilisez le lien du mail reçu.</Alert>}
      </Card>
    </>
  );
}
