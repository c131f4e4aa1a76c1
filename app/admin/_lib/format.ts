import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { fr } from "date-fns/locale";
import type { Civility, Quality, Regime, Role, UserStatus } from "@/lib/generated/prisma/client";

const PARIS = "Europe/Paris";

/**
 * A civil date (birth date, validity date) is stored as midnight UTC: read it
 * in UTC, or a Paris reading would still be right today but wrong for a
 * server running west of Greenwich.
 */
export function formatCivilDate(date: Date | null | undefined): string {
  if (!date) return "—";
  return format(new TZDate(date, "UTC"), "dd/MM/yyyy");
}

/** The day a moment fell on, by the service's calendar. */
export function formatDate(date: Date | null | undefined): string {
  if (!date) return "—";
  return format(new TZDate(date, PARIS), "dd/MM/yyyy");
}

/** A moment (registration, decision), shown as the service's clock read it. */
export function formatDateTime(date: Date | null | undefined): string {
  if (!date) return "—";
  return format(new TZDate(date, PARIS), "dd/MM/yyyy 'à' HH:mm", { locale: fr });
}


export function personName(p: { firstName: string; lastName: string }): string {
  return `${p.lastName.toLocaleUpperCase("fr-FR")} ${p.firstName}`;
}

export const CIVILITY_LABELS: Record<Civility, string> = { M: "M.", MME: "Mme" };

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

export const ROLE_LABELS: Record<Role, string> = {
  PARENT: "Parent",
  STAFF: "Agent",
  ADMIN: "Administrateur",
};

export const STATUS_LABELS: Record<UserStatus, string> = {
  PENDING_EMAIL: "Email non confirmé",
  PENDING_REVIEW: "En attente de vérification",
  ACTIVE: "Actif",
  REJECTED: "Refusé",
  DISABLED: "Désactivé",
};

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
}
