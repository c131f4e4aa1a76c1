import type { RetentionSettings } from "@/lib/settings";

export type RetentionRuleKey = "account" | "familyFile" | "identity" | "replacedDocuments" | "expiredDocuments" | "accounting" | "audit";

export type RetentionRule = {
  key: RetentionRuleKey;
  /** What is kept, as a family or staff member reads it */
  what: string;
  /** For how long, as a sentence fragment ("1 mois après la vérification du compte") */
  duration: string;
};

export const monthsLabel = (n: number) => `${n} mois`;
export const yearsLabel = (n: number) => (n > 1 ? `${n} ans` : `${n} an`);

/**
 * The retention periods written out, from the authority's settings. The
 * retention job, the family's "Mes données" and the staff's registre des
 * traitements all go through this one function, so what is said is what
 * is done.
 */
export function retentionRules(settings: RetentionSettings): RetentionRule[] {
  const identity = settings.retentionIdentityMonths;
  return [
    {
      key: "account",
      what: "Compte de connexion (identifiant, e-mail, nom, téléphones)",
      duration: "tant que le compte est ouvert ; désactivé et anonymisé à la fermeture du compte",
    },
    {
      key: "familyFile",
      what: "Dossier famille (membres, coordonnées, fiche santé, personnes autorisées, autorisations, réservations à venir)",
      duration: "tant que le compte est ouvert ; effacé à la fermeture du compte",
    },
    {
      key: "identity",
      what: "Pièce d'identité envoyée à l'inscription",
      duration: identity === 0 ? "effacée dès la vérification du compte" : `${monthsLabel(identity)} après la vérification du compte, puis effacée`,
    },
    {
      key: "replacedDocuments",
      what: "Documents remplacés, refusés ou supprimés",
      duration: `${monthsLabel(settings.retentionReplacedDocumentMonths)} après leur remplacement, leur refus ou leur suppression, puis effacés`,
    },
    {
      key: "expiredDocuments",
      what: "Documents dont la durée de validité a pris fin (justificatif de domicile, quotient familial, PAI…)",
      duration: `${monthsLabel(settings.retentionExpiredDocumentMonths)} après la fin de leur validité, puis effacés`,
    },
    {
      key: "accounting",
      what: "Factures, paiements, avoirs et compte de la famille",
      duration: `${yearsLabel(settings.retentionAccountingYears)} après la dernière opération (obligation comptable) ; ensuite, pour un compte fermé, le nom et l'adresse de la famille sont anonymisés`,
    },
    {
      key: "audit",
      what: "Journal des opérations (qui a fait quoi et quand)",
      duration: `${yearsLabel(settings.retentionAuditYears)}, puis effacé`,
    },
  ];
}

export function retentionRule(settings: RetentionSettings, key: RetentionRuleKey): RetentionRule {
  return retentionRules(settings).find((rule) => rule.key === key)!;
}
