import type { Civility, Quality, Regime, Role, UserStatus } from "@/lib/generated/prisma/client";

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
