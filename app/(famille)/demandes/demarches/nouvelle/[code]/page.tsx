import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listFamilyMembers } from "@/lib/households";
import { QUALITY_LABELS } from "@/lib/format";
import { uploadClientConfig } from "@/lib/files";
import { getActiveRequestType } from "@/lib/requests";
import { RequestForm } from "./request-form";
import { requireIdParam } from "@/lib/validation/params";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const type = await getActiveRequestType(decodeURIComponent(requireIdParam((await params).code)));
  return { title: type ? type.label : "Démarche introuvable" };
}

export default async function NewRequestPage({ params }: Props) {
  const user = await requireRole("parent");
  const type = await getActiveRequestType(decodeURIComponent(requireIdParam((await params).code)));
  if (!type) notFound();
  const members = await listFamilyMembers(user.householdId);
  const upload = uploadClientConfig();
  return (
    <>
      <PageTitle description={type.description ?? undefined}>{type.label}</PageTitle>
      <nav aria-label="Fil d'Ariane" className="mb-4 text-sm">
        <Link href="/demandes" className="text-brand-700 underline">
          Demandes
        </Link>{" "}
        ›{" "}
        <Link href="/demandes/demarches" className="text-brand-700 underline">
          Démarches administratives
        </Link>{" "}
        › {type.label}
      </nav>
      <RequestForm
        type={type}
        members={members.map((m) => ({ id: m.id, name: `${m.firstName} ${m.lastName}`, quality: QUALITY_LABELS[m.quality] }))}
        uploadDriver={upload.driver}
        maxBytes={upload.maxBytes}
        // One key per displayed form: posting it twice finds the first request.
        submissionKey={randomUUID()}
      />
    </>
  );
}
