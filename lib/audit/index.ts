import "server-only";
import type { Tx } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";

/** Who takes an audited decision, as the data-access layer loaded them. */
export type Actor = { id: string; role: Role };

/**
 * Every staff decision leaves one row here, written in the same transaction
 * as the decision itself, so the log never claims something that was rolled
 * back nor misses something that was committed.
 */
export const AUDIT_ACTIONS = {
  "account.link": "Compte lié à un membre existant",
  "account.create_household": "Compte vérifié, nouvelle famille créée",
  "account.reject": "Inscription refusée",
  "staff.create": "Compte du personnel créé",
  "staff.invite": "Invitation du personnel renvoyée",
  "staff.disable": "Compte du personnel désactivé",
  "staff.enable": "Compte du personnel réactivé",
  "staff.role": "Rôle du personnel modifié",
  "settings.update": "Paramètres de la collectivité modifiés",
  "document.validate": "Document validé",
  "document.refuse": "Document refusé",
  "request.accept": "Demande acceptée",
  "request.refuse": "Demande refusée",
  "household.update": "Famille modifiée",
  "person.update": "Membre de la famille modifié",
  "person.create": "Membre de la famille ajouté",
  "referential.update": "Référentiel modifié",
  "invoice.cancel": "Facture annulée",
  "invoice.expire": "Facture expirée (délai de paiement dépassé)",
  "invoice.paid": "Facture réglée",
  "payment.received": "Paiement reçu",
  "payment.result": "Résultat PayFiP enregistré (refusé, abandonné, expiré ou rejeté)",
  "payment.flagged": "Paiement à traiter (conservé en avoir)",
  "payment.resolve": "Paiement à traiter : décision prise",
  "credit_note.issue": "Avoir émis",
  "credit.use": "Avoir utilisé sur une facture",
  "credit.refund": "Avoir remboursé",
  "payment.counter": "Paiement enregistré au guichet",
  "payment.check": "Paiement vérifié auprès de PayFiP",
  "catalogue.service": "Service enregistré",
  "catalogue.product": "Prestation enregistrée",
  "catalogue.tariff_add": "Tarif ajouté",
  "catalogue.tariff_delete": "Tarif supprimé",
  "calendar.open_month": "Mois ouvert à la réservation",
  "calendar.capacity": "Capacité d'un jour modifiée",
  "calendar.close_day": "Jour fermé ou rouvert",
  "calendar.closure_add": "Fermeture ajoutée",
  "calendar.closure_delete": "Fermeture supprimée",
  "email.retry": "E-mail renvoyé",
  "account.service_emails": "E-mails du service désactivés ou réactivés par le parent",
  "booking.cancel": "Jours réservés annulés par la famille",
  "absence.report": "Absence signalée",
  "absence.decide": "Absence acceptée ou refusée",
  "campaign.save": "Campagne d'inscription enregistrée",
  "campaign.allocate": "Attribution des places lancée",
  "campaign.decision": "Demande de campagne : places attribuées ou en liste d'attente",
  "campaign.request": "Demande de campagne envoyée ou modifiée par la famille",
  "household.working_parents": "Parents qui travaillent : confirmé ou retiré",
  "waitlist.join": "Inscription sur une liste d'attente",
  "waitlist.leave": "Retrait d'une liste d'attente",
  "waitlist.offer": "Place proposée depuis la liste d'attente",
  "waitlist.accept": "Place proposée acceptée",
  "waitlist.decline": "Place proposée refusée",
  "waitlist.expire": "Place proposée non acceptée à temps",
  "health.update": "Fiche santé modifiée",
  "health.staff_notes": "Notes du service sur la fiche santé modifiées",
  "pickup.save": "Personne autorisée, à prévenir ou non autorisée enregistrée",
  "pickup.delete": "Personne autorisée, à prévenir ou non autorisée retirée",
  "consent.answer": "Autorisation donnée ou retirée",
  "diet.save": "Régime alimentaire enregistré",
  "file_update.save": "Campagne de mise à jour du dossier enregistrée",
  "file_update.confirm": "Dossier famille confirmé pour la mise à jour annuelle",
  "tax_certificate.issue": "Attestation fiscale émise",
  "tax_certificate.batch": "Attestations fiscales générées pour toutes les familles",
  "household.export": "Données de la famille téléchargées",
  "household.closure_request": "Fermeture du compte demandée",
  "household.closure_cancel": "Demande de fermeture du compte annulée",
  "household.close": "Compte fermé : données personnelles effacées",
  "retention.erase": "Durées de conservation : données effacées",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export type AuditTargetType =
  | "User"
  | "Household"
  | "AuthoritySettings"
  | "Document"
  | "Request"
  | "Person"
  | "Site"
  | "SchoolClass"
  | "DocumentType"
  | "RequestType"
  | "Invoice"
  | "Payment"
  | "Service"
  | "Product"
  | "Tariff"
  | "Slot"
  | "Closure"
  | "EmailMessage"
  | "Campaign"
  | "CampaignRequest"
  | "WaitlistEntry"
  | "Diet"
  | "FileUpdateCampaign"
  | "CertificateBatch"
  | "TaxCertificate";

type DetailValue = string | number | boolean | null | string[];

/**
 * `details.label` names the target as it was at the time (a person's name,
 * a household's name), so the journal stays readable after renames.
 */
export type AuditDetails = { label?: string } & Record<string, DetailValue | undefined>;

export async function recordAudit(
  tx: Tx,
  {
    actorId,
    action,
    targetType,
    targetId,
    details,
  }: {
    actorId: string | null;
    action: AuditAction;
    targetType: AuditTargetType;
    targetId?: string | null;
    details?: AuditDetails;
  },
): Promise<void> {
  const clean = details
    ? Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined))
    : undefined;
  await tx.auditEvent.create({
    data: { actorId, action, targetType, targetId: targetId ?? null, details: clean as object | undefined },
  });
}

export type AuditEventDto = {
  id: string;
  createdAt: Date;
  actorName: string | null;
  action: string;
  actionLabel: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  details: Record<string, DetailValue>;
};

export const AUDIT_PAGE_SIZE = 50;

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}

/** The journal, newest first. A page past the end answers the last page. */
export async function listAuditEvents({
  page = 1,
  pageSize = AUDIT_PAGE_SIZE,
}: { page?: number; pageSize?: number } = {}): Promise<{
  events: AuditEventDto[];
  page: number;
  pageCount: number;
  total: number;
}> {
  const db = await getDb();
  const total = await db.auditEvent.count();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = await db.auditEvent.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * pageSize,
    take: pageSize,
    include: { actor: { select: { firstName: true, lastName: true } } },
  });
  return {
    page: current,
    pageCount,
    total,
    events: rows.map((row) => {
      const details = (row.details ?? {}) as Record<string, DetailValue>;
      return {
        id: row.id,
        createdAt: row.createdAt,
        actorName: row.actor ? `${row.actor.firstName} ${row.actor.lastName}` : null,
        action: row.action,
        actionLabel: auditActionLabel(row.action),
        targetType: row.targetType,
        targetId: row.targetId,
        targetLabel: typeof details.label === "string" ? details.label : null,
        details,
      };
    }),
  };
}
