import type { RetentionSettings } from "@/lib/settings";
import { retentionRule, type RetentionRuleKey } from "./retention";

export type Processing = {
  id: string;
  name: string;
  purpose: string;
  legalBasis: string;
  data: string;
  recipients: string;
  /** Written from `retentionRules`, the same sentences the retention job applies */
  retention: string[];
};

const PUBLIC_TASK = "Mission d'intérêt public (article 6.1.e du RGPD) : gestion des services périscolaires et extrascolaires de la collectivité";

/**
 * The registre des traitements (article 30 du RGPD) for the portal, one
 * entry per processing; the retention lines come from the settings, so the
 * register follows any change staff make to the periods.
 */
export function processingRegister(settings: RetentionSettings): Processing[] {
  const rules = (...keys: RetentionRuleKey[]) => keys.map((key) => {
    const rule = retentionRule(settings, key);
    return `${rule.what} : ${rule.duration}.`;
  });
  return [
    {
      id: "comptes",
      name: "Comptes des familles",
      purpose: "Ouvrir un compte, vérifier l'identité du parent, se connecter au portail et recevoir les e-mails du service.",
      legalBasis: PUBLIC_TASK,
      data: "Identifiant, e-mail, civilité, nom, prénom, date de naissance, téléphones, pièce d'identité, mot de passe (haché), sessions.",
      recipients: "Agents habilités du service Enfance-Jeunesse ; hébergeur et prestataire d'envoi des e-mails (sous-traitants).",
      retention: rules("account", "identity"),
    },
    {
      id: "dossier-famille",
      name: "Dossier famille",
      purpose: "Connaître les membres du foyer, leur adresse, leur classe et leur quotient familial pour accueillir les enfants et appliquer le tarif.",
      legalBasis: PUBLIC_TASK,
      data: "Membres du foyer (nom, prénom, date de naissance, qualité, coordonnées, classe), adresse, quotient familial, régime, numéro d'allocataire, démarches.",
      recipients: "Agents habilités du service ; écoles et équipes d'animation pour les listes du jour.",
      retention: rules("familyFile"),
    },
    {
      id: "sante",
      name: "Santé et sécurité des enfants",
      purpose: "Accueillir l'enfant en sécurité : régimes alimentaires, allergies et PAI, vaccinations, médecin, personnes autorisées à venir le chercher, autorisations (photo, sorties, transport, soins d'urgence).",
      legalBasis:
        "Données de santé : intérêt public et protection des intérêts vitaux de l'enfant (article 9.2 du RGPD), sur déclaration des parents ; autorisations : consentement des parents, révocable à tout moment.",
      data: "Fiche santé (médecin, allergies, PAI, régimes, vaccinations, remarques), notes du service, personnes autorisées ou à prévenir, autorisations données ou refusées.",
      recipients: "Agents habilités du service et équipes d'animation et de restauration (régimes et PAI uniquement).",
      retention: rules("familyFile", "expiredDocuments"),
    },
    {
      id: "reservations",
      name: "Réservations, absences et listes d'attente",
      purpose: "Réserver les jours de cantine et d'accueil de loisirs, répartir les places, signaler les absences, tenir les listes du jour.",
      legalBasis: PUBLIC_TASK,
      data: "Jours réservés par enfant, semaines types, demandes de campagne, listes d'attente, absences et leurs justificatifs.",
      recipients: "Agents habilités du service ; équipes d'animation et de restauration (listes du jour).",
      retention: rules("familyFile", "accounting"),
    },
    {
      id: "facturation",
      name: "Facturation et paiements",
      purpose: "Facturer les prestations, encaisser les paiements (PayFiP ou au guichet), émettre les avoirs et les attestations fiscales.",
      legalBasis: "Obligation légale (article 6.1.c du RGPD) : code général des collectivités territoriales et règles de la comptabilité publique.",
      data: "Factures et leurs lignes, paiements, avoirs, remboursements, compte de la famille, attestations fiscales.",
      recipients: "Agents habilités du service et de la régie ; comptable public (DGFiP) et PayFiP pour le paiement en ligne.",
      retention: rules("accounting"),
    },
    {
      id: "documents",
      name: "Pièces justificatives",
      purpose: "Recevoir et vérifier les justificatifs demandés (domicile, quotient familial, PAI, vaccinations, certificats).",
      legalBasis: PUBLIC_TASK,
      data: "Fichiers envoyés par les familles, leur type, leur statut et le motif d'un refus.",
      recipients: "Agents habilités du service ; hébergeur des fichiers (sous-traitant).",
      retention: rules("identity", "replacedDocuments", "expiredDocuments", "familyFile"),
    },
    {
      id: "journal",
      name: "Journal des opérations",
      purpose: "Garder la trace de qui a fait quoi et quand, pour la sécurité du portail et pour répondre aux familles.",
      legalBasis: "Intérêt légitime de la collectivité à sécuriser le service et obligation de sécurité (article 32 du RGPD).",
      data: "Date, auteur, action et élément concerné.",
      recipients: "Administrateurs du portail ; la famille voit l'historique de son propre dossier.",
      retention: rules("audit"),
    },
  ];
}
