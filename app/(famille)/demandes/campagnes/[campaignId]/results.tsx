import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";
import type { FamilyCampaignPageDto, ResultDayDto, ResultInvoiceDto } from "@/lib/campaigns/family";
import { BOOKING_STATUS_LABELS, formatCents, formatDateTime, fullDayLabel, WAITLIST_STATUS_LABELS } from "@/lib/format";

/** What one day became, in the family's words, with what it can do next. */
function DayOutcome({ d }: { d: ResultDayDto }) {
  if (d.outcome === "ATTRIBUTED") {
    const booking = d.booking && d.booking.status !== "HELD" ? ` — ${BOOKING_STATUS_LABELS[d.booking.status]}` : "";
    return (
      <>
        <strong className="text-ok-700">Attribuée</strong> : {d.productName}
        {d.choice === 2 ? " (second choix)" : ""}
        {booking}
      </>
    );
  }
  if (d.outcome === "WAITLISTED") {
    const entry = d.waitlist;
    if (!entry || entry.status === "WAITING") {
      return (
        <>
          <strong className="text-warn-800">Liste d&apos;attente (rang {entry?.position ?? d.rank})</strong> : {d.productName}
        </>
      );
    }
    if (entry.status === "OFFERED") {
      return (
        <>
          <strong className="text-brand-800">Place proposée{entry.offerExpiresAt ? ` jusqu'au ${formatDateTime(entry.offerExpiresAt)}` : ""}</strong> :{" "}
          {d.productName}.{" "}
          <Link href="/demandes/liste-attente" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
            Voir la proposition
          </Link>
        </>
      );
    }
    return (
      <>
        <strong>{WAITLIST_STATUS_LABELS[entry.status]}</strong> : {d.productName}
      </>
    );
  }
  return <>En attente de l&apos;attribution</>;
}

/** An invoice of the attributed (or accepted) days: what to pay and until when, or what became of it. */
function InvoiceLine({ invoice, now }: { invoice: ResultInvoiceDto; now: Date }) {
  const amount = formatCents(invoice.totalCents);
  if (invoice.status === "PENDING_PAYMENT" && invoice.heldUntil && invoice.heldUntil > now) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p id={`montant-${invoice.id}`}>
          Montant : <strong>{amount}</strong> à payer avant le {formatDateTime(invoice.heldUntil)}
        </p>
        <Link
          href={`/demandes/reservation/attente/${invoice.id}`}
          aria-describedby={`montant-${invoice.id}`}
          className="inline-flex min-h-11 w-full items-center justify-center rounded-md bg-brand-700 px-6 py-2 font-semibold text-white hover:bg-brand-800 sm:w-auto"
        >
          Payer
        </Link>
      </div>
    );
  }
  const outcome =
    invoice.status === "PAID"
      ? `facture n° ${invoice.number} payée : les places sont confirmées.`
      : invoice.status === "UNPAID"
        ? `facture n° ${invoice.number} à régler.`
        : invoice.status === "CANCELLED"
          ? `facture n° ${invoice.number} annulée : les places ont été libérées.`
          : `délai de paiement dépassé (facture n° ${invoice.number}) : les places ont été libérées.`;
  return (
    <p>
      Montant : <strong>{amount}</strong> — {outcome}{" "}
      <Link href={`/demandes/reservation/attente/${invoice.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
        Voir le détail<span className="sr-only"> de la facture n° {invoice.number}</span>
      </Link>
    </p>
  );
}

/** After the allocation: per child, each day given or waited for; then the invoices. */
export function CampaignResults({ results, now = new Date() }: { results: NonNullable<FamilyCampaignPageDto["results"]>; now?: Date }) {
  if (results.children.length === 0) return <EmptyState title="Vous n'avez pas fait de demande pour cette campagne." />;
  return (
    <div className="space-y-4">
      {results.invoices.length > 0 ? (
        <Card title="À payer">
          <ul className="space-y-3">
            {results.invoices.map((invoice) => (
              <li key={invoice.id}>
                <InvoiceLine invoice={invoice} now={now} />
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-slate-700">Une place attribuée non payée à temps est libérée et proposée à la famille suivante sur la liste d&apos;attente.</p>
        </Card>
      ) : null}
      {results.children.map((child) => (
        <Card key={child.personId} title={`${child.firstName} ${child.lastName}`}>
          <ul className="divide-y divide-slate-200">
            {child.days.map((d) => (
              <li key={d.day} className="py-2">
                <p className="font-medium text-slate-900 first-letter:uppercase">{fullDayLabel(d.day)}</p>
                <p className="break-words text-slate-800">
                  <DayOutcome d={d} />
                </p>
              </li>
            ))}
          </ul>
        </Card>
      ))}
      <p className="text-sm text-slate-700">
        Le rang indique votre place sur la liste d&apos;attente aujourd&apos;hui : au rang 1, la prochaine place libérée vous est proposée par e-mail.
      </p>
      <p>
        <Link href="/demandes/liste-attente" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
          Ma liste d&apos;attente
        </Link>
      </p>
    </div>
  );
}
