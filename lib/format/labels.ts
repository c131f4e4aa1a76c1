import type {
  AbsenceCredit,
  AbsenceReason,
  AbsenceStatus,
  BookingStatus,
  CampaignOutcome,
  BatchStatus,
  CampaignRule,
  Civility,
  ConsentKind,
  InaccessibleReason,
  InvoiceStatus,
  LedgerKind,
  PaymentMethod,
  PaymentStatus,
  PickupKind,
  Quality,
  Regime,
  RequestAction,
  ReviewStatus,
  Role,
  UserStatus,
  WaitlistStatus,
} from "@/lib/generated/prisma/client";
import type { CampaignPhase } from "@/lib/campaigns/phase";

// The French word for every value of an enum a person reads. A <select>
// lists its options with labelOptions(), and a schema takes its values from
// the same map (REGIMES, CIVILITIES), so a label, an option and an accepted
// value cannot drift apart. Record<Enum, string> makes a new enum value fail
// the type check until it has its word here.

/** The map's keys as a non-empty tuple, in the map's order, for z.enum. */
function keysOf<K extends string>(labels: Record<K, string>): [K, ...K[]] {
  return Object.keys(labels) as [K, ...K[]];
}

/** `<option>`s of a <select>, in the map's order. */
export function labelOptions<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return keysOf(labels).map((value) => ({ value, label: labels[value] }));
}

// ─── People ────────────────────────────────────────────────────────────────

export const CIVILITY_LABELS: Record<Civility, string> = { M: "M.", MME: "Mme" };
export const CIVILITIES = keysOf(CIVILITY_LABELS);

export const QUALITY_LABELS: Record<Quality, string> = {
  RESPONSABLE: "Responsable",
  CONJOINT: "Conjoint",
  ENFANT: "Enfant",
  AUTRE: "Autre",
};

export const REGIME_LABELS: Record<Regime, string> = {
  RG: "Régime général",
  MSA: "MSA",
  AUTRE: "Autre régime",
};
export const REGIMES = keysOf(REGIME_LABELS);

/** The régime inside a sentence: "QF 850, régime général", "tranche la plus haute du régime MSA". */
export const REGIME_IN_TEXT: Record<Regime, string> = {
  RG: "régime général",
  MSA: "régime MSA",
  AUTRE: "autre régime",
};

// ─── Accounts ──────────────────────────────────────────────────────────────

export const ROLE_LABELS: Record<Role, string> = {
  PARENT: "Parent",
  STAFF: "Agent",
  ADMIN: "Administrateur",
};

export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  PENDING_EMAIL: "Email non confirmé",
  PENDING_REVIEW: "En attente de vérification",
  ACTIVE: "Actif",
  REJECTED: "Refusé",
  DISABLED: "Désactivé",
};

// ─── Documents and requests ────────────────────────────────────────────────

/** The seed's words for a document's or a request's state. */
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  PENDING: "En attente",
  VALIDATED: "Validé",
  REFUSED: "Refusé",
};

/** The family's Demandes table, "Etat" column: still with the service, or done (the decision has its own column). */
export const REQUEST_STATE_LABELS: Record<ReviewStatus, string> = {
  PENDING: "En attente",
  VALIDATED: "Traitée",
  REFUSED: "Traitée",
};

export const REQUEST_ACTION_LABELS: Record<RequestAction, string> = {
  CHANGE_ADDRESS: "Changement d'adresse (appliqué à la famille)",
  UPDATE_QF: "Quotient familial (appliqué à la famille)",
  ADD_MEMBER: "Ajout d'une personne (créée à l'acceptation)",
  FAMILY_SITUATION: "Situation familiale",
  MEDICAL: "Médical",
  HEALTH_UPDATE: "Santé (allergies, PAI)",
  OTHER: "Autre",
};
export const REQUEST_ACTIONS = keysOf(REQUEST_ACTION_LABELS);

// ─── Bookings and money ────────────────────────────────────────────────────

/** The seed says a held booking is "en attente de paiement". */
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  HELD: "En attente de paiement",
  CONFIRMED: "Confirmée",
  CANCELLED: "Annulée",
  EXPIRED: "Expirée",
  ABSENT: "Absent",
};

// ─── Holiday-centre campaigns and waiting lists ────────────────────────────

/** The allocation rules as staff pick them, in the words. */
export const CAMPAIGN_RULE_LABELS: Record<CampaignRule, string> = {
  RESIDENT: "Résidents de la commune d'abord",
  SIBLINGS: "Fratries gardées ensemble",
  ENROLLED: "Enfants déjà inscrits au centre",
  WORKING_PARENTS: "Parents qui travaillent (confirmé par le service)",
};
export const CAMPAIGN_RULES = keysOf(CAMPAIGN_RULE_LABELS);

/** What decided a day's outcome, short, as the results and the audit log print it. */
export const ALLOCATION_DECIDER_LABELS: Record<CampaignRule | "DRAW" | "PLACES" | "GROUP_SIZE", string> = {
  RESIDENT: "résident",
  SIBLINGS: "fratrie",
  ENROLLED: "déjà inscrit",
  WORKING_PARENTS: "parents qui travaillent",
  DRAW: "tirage au sort",
  PLACES: "places suffisantes",
  GROUP_SIZE: "fratrie plus nombreuse que les places restantes",
};

export const CAMPAIGN_PHASE_LABELS: Record<CampaignPhase, string> = {
  UPCOMING: "À venir",
  OPEN: "Demandes ouvertes",
  CLOSED: "Demandes closes",
  ALLOCATED: "Places attribuées",
};

export const CAMPAIGN_OUTCOME_LABELS: Record<CampaignOutcome, string> = {
  PENDING: "Demandée",
  ATTRIBUTED: "Attribuée",
  WAITLISTED: "Liste d'attente",
};

export const WAITLIST_STATUS_LABELS: Record<WaitlistStatus, string> = {
  WAITING: "En liste d'attente",
  OFFERED: "Place proposée",
  ACCEPTED: "Place acceptée",
  DECLINED: "Place refusée",
  EXPIRED: "Proposition expirée",
  REMOVED: "Retiré de la liste",
};

export const ABSENCE_REASON_LABELS: Record<AbsenceReason, string> = {
  MALADIE: "Maladie",
  ENSEIGNANT_ABSENT: "Absence de l'enseignant",
  AUTRE: "Autre",
};
export const ABSENCE_REASONS = keysOf(ABSENCE_REASON_LABELS);

/** Why a content is not accessible, in the words of the RGAA 4.1 model declaration. */
export const INACCESSIBLE_REASON_LABELS: Record<InaccessibleReason, string> = {
  NON_CONFORMITE: "Non-conformité",
  DEROGATION: "Dérogation",
  CHARGE_DISPROPORTIONNEE: "Charge disproportionnée",
};
export const INACCESSIBLE_REASONS = keysOf(INACCESSIBLE_REASON_LABELS);

export const ABSENCE_STATUS_LABELS: Record<AbsenceStatus, string> = {
  PENDING: "À valider",
  APPROVED: "Acceptée",
  REFUSED: "Refusée",
};

/** Staff choose per product whether an absence is credited. */
export const ABSENCE_CREDIT_LABELS: Record<AbsenceCredit, string> = {
  AUTO: "Remboursée automatiquement",
  CERTIFICATE: "Remboursée sur justificatif",
  NONE: "Non remboursée",
};
export const ABSENCE_CREDITS = keysOf(ABSENCE_CREDIT_LABELS);

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  PENDING_PAYMENT: "En attente de paiement",
  UNPAID: "À payer",
  PAID: "Payée",
  CANCELLED: "Annulée",
  EXPIRED: "Expirée (délai de paiement dépassé)",
};

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  PAYFIP: "PayFiP (en ligne)",
  CASH: "Espèces",
  CHEQUE: "Chèque",
  CESU: "CESU",
  CARD: "Carte bancaire (guichet)",
};

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  PENDING: "En cours",
  PAID: "Payé",
  REFUSED: "Refusé",
  ABANDONED: "Abandonné",
  EXPIRED: "Expiré",
  REJECTED: "Rejeté (incohérent)",
};

/**
 * A payment's state as staff read it. A payer who left PayFiP without paying
 * leaves the attempt PENDING with resultrans "A" for PayFiP's window, since
 * they may still come back and pay: "En cours" would hide that they left,
 * "Abandonné" that the attempt is still being asked about.
 */
export function paymentStatusLabel(payment: { status: PaymentStatus; abandonedByPayer: boolean }): string {
  if (payment.status === "PENDING" && payment.abandonedByPayer) return "Abandonné — vérification PayFiP en cours";
  return PAYMENT_STATUS_LABELS[payment.status];
}

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  INVOICE: "Facture",
  PAYMENT: "Paiement",
  CREDIT_NOTE: "Avoir",
  REFUND: "Remboursement",
  TRANSFER: "Utilisation d'avoir",
};

export const PICKUP_KIND_LABELS: Record<PickupKind, string> = {
  AUTHORISED: "Personne autorisée à récupérer l'enfant",
  EMERGENCY: "Personne à prévenir en cas d'urgence",
  FORBIDDEN: "Personne non autorisée à récupérer l'enfant",
};

export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  PHOTO: "Droit à l'image (photos et vidéos)",
  OUTINGS: "Sorties hors de la structure",
  TRANSPORT: "Transport en car ou minibus",
  EMERGENCY_CARE: "Soins et hospitalisation en cas d'urgence",
};

export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  RUNNING: "En cours",
  DONE: "Terminé",
  FAILED: "Interrompu",
};
