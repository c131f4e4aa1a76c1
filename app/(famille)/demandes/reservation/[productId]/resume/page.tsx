import type { Metadata } from "next";
import { randomBytes } from "node:crypto";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { parseTicked, summarizeSelections, type BookingSummaryDto } from "@/lib/bookings/summary";
import { AppError } from "@/lib/errors";
import { many, one, orNotFound } from "../../_lib";
import { ConfirmForm } from "../../confirm-form";
import { SummaryDetails } from "../../summary-details";
import { requireIdParam } from "@/lib/validation/params";
import { notFound } from "next/navigation";
import { isDay } from "@/lib/dates";
import { isId } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Résumé de la réservation" };

type Props = { params: Promise<{ productId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BookingSummaryPage({ params, searchParams }: Props) {
  const user = await requireRole("parent");
  const productId = requireIdParam((await params).productId);
  const query = await searchParams;
  const ticked = many(query.j).slice(0, 200);
  // The grid sends "personId|YYYY-MM-DD"; anything else was typed into the URL.
  if (!ticked.every((t) => isId(t.split("|")[0]) && isDay(t.split("|")[1] ?? ""))) notFound();
  const backHref = `/demandes/reservation/${productId}?enfant=${encodeURIComponent(one(query.enfant) ?? "tous")}${one(query.mois) ? `&mois=${one(query.mois)}` : ""}`;

  let summary: BookingSummaryDto | undefined;
  let refusal: string | undefined;
  try {
    summary = await orNotFound(
      summarizeSelections({ householdId: user.householdId, responsible: `${user.firstName} ${user.lastName}`, selections: parseTicked(productId, ticked) }),
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    refusal = error.message;
  }

  return (
    <>
      <PageTitle>Détails réservation</PageTitle>
      {summary ? (
        <section aria-labelledby="resume-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="resume-title" className="text-lg font-semibold">
            Résumé réservation
          </h2>
          <SummaryDetails summary={summary} />
          <ConfirmForm productId={productId} submissionKey={randomBytes(16).toString("hex")} ticked={ticked} backHref={backHref} />
        </section>
      ) : (
        <div className="space-y-4">
          <Alert tone="error" title={refusal} />
          <ButtonLink href={backHref} prefetch={false} variant="secondary">
            Retour au calendrier
          </ButtonLink>
        </div>
      )}
    </>
  );
}
