import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { listAuditEvents, type AuditEventDto } from "@/lib/audit";
import { DataTable } from "../_components/data-table";
import { formatDateTime } from "@/lib/format";
import { roleGrants } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Journal" };

function targetHref(event: AuditEventDto, isAdmin: boolean): string | null {
  if (!event.targetId && event.targetType !== "AuthoritySettings") return null;
  if (event.action.startsWith("account.")) return `/admin/comptes/${event.targetId}`;
  if (event.action.startsWith("staff.")) return isAdmin ? "/admin/personnel" : null;
  if (event.targetType === "Household") return `/admin/familles/${event.targetId}`;
  if (event.targetType === "Invoice") return `/admin/factures/${event.targetId}`;
  if (event.targetType === "Product") return `/admin/catalogue/${event.targetId}`;
  if (event.targetType === "AuthoritySettings") return isAdmin ? "/admin/parametres" : null;
  if (event.targetType === "Campaign") return `/admin/campagnes/${event.targetId}`;
  return null;
}

const TARGET_LABELS: Record<string, string> = {
  User: "Compte",
  Household: "Famille",
  AuthoritySettings: "Paramètres",
  Document: "Document",
  Request: "Demande",
  Person: "Membre",
  Invoice: "Facture",
  Payment: "Paiement",
  Service: "Service",
  Product: "Prestation",
  Tariff: "Tarif",
  Slot: "Jour",
  Closure: "Fermeture",
  Campaign: "Campagne",
  CampaignRequest: "Demande de vacances",
  WaitlistEntry: "Liste d'attente",
};

function Details({ event }: { event: AuditEventDto }) {
  const d = event.details;
  const parts: string[] = [];
  if (typeof d.householdName === "string") parts.push(`Famille ${d.householdName}`);
  if (typeof d.personName === "string") parts.push(`membre ${d.personName}`);
  if (typeof d.reason === "string") parts.push(`Motif : ${d.reason}`);
  if (typeof d.role === "string") parts.push(`Rôle : ${d.role}`);
  if (typeof d.from === "string" && typeof d.to === "string") parts.push(`${d.from} → ${d.to}`);
  if (Array.isArray(d.fields) && d.fields.length) parts.push(`Champs : ${d.fields.join(", ")}`);
  // An allocation's decisions, each with the rule that took it.
  if (Array.isArray(d.attribuees) && d.attribuees.length) parts.push(`Attribuées : ${d.attribuees.join(" ; ")}`);
  if (Array.isArray(d.attente) && d.attente.length) parts.push(`Liste d'attente : ${d.attente.join(" ; ")}`);
  if (typeof d.seed === "string") parts.push(`Graine du tirage : ${d.seed}`);
  return parts.length ? <span className="block text-slate-600">{parts.join(" — ")}</span> : null;
}

export default async function JournalPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requireRole("staff");
  const raw = (await searchParams).page;
  const requested = Number.parseInt(Array.isArray(raw) ? raw[0] : (raw ?? "1"), 10);
  const { events, page, pageCount, total } = await listAuditEvents({ page: Number.isFinite(requested) ? requested : 1 });
  const isAdmin = roleGrants(user.role, "admin");
  return (
    <>
      <PageTitle description="Les décisions du personnel, les plus récentes en premier.">Journal</PageTitle>
      {events.length === 0 ? (
        <EmptyState title="Le journal est vide">Les décisions du personnel s&apos;afficheront ici.</EmptyState>
      ) : (
        <>
          <DataTable
            label="Journal des décisions"
            caption={`${total} ${total > 1 ? "événements" : "événement"}${pageCount > 1 ? ` — page ${page} sur ${pageCount}` : ""}`}
            minWidth="48rem"
            rows={events}
            rowKey={(event) => event.id}
            columns={[
              {
                header: "Date",
                className: "whitespace-nowrap",
                cell: (event) => <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt)}</time>,
              },
              { header: "Par", cell: (event) => event.actorName ?? "Compte supprimé" },
              { header: "Action", rowHeader: true, className: "font-normal", cell: (event) => event.actionLabel },
              {
                header: "Concerne",
                cell: (event) => {
                  const href = targetHref(event, isAdmin);
                  const target = event.targetLabel ?? TARGET_LABELS[event.targetType] ?? event.targetType;
                  return (
                    <>
                      {href ? (
                        <Link className="font-semibold text-brand-700 underline" href={href}>
                          {target}
                        </Link>
                      ) : (
                        <span className="font-semibold">{target}</span>
                      )}
                      <Details event={event} />
                    </>
                  );
                },
              },
            ]}
          />
          {pageCount > 1 ? (
            <nav aria-label="Pagination du journal" className="mt-4 flex flex-wrap items-center justify-between gap-2">
              {page > 1 ? (
                <Link className="inline-flex min-h-11 items-center text-brand-700 underline" href={`/admin/journal?page=${page - 1}`}>
                  ← Événements plus récents
                </Link>
              ) : (
                <span />
              )}
              <p className="text-sm text-slate-700">
                Page {page} sur {pageCount}
              </p>
              {page < pageCount ? (
                <Link className="inline-flex min-h-11 items-center text-brand-700 underline" href={`/admin/journal?page=${page + 1}`}>
                  Événements plus anciens →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
