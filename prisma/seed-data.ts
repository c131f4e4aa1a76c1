import { getDb, type Db } from "@/lib/db/client";
import { dayToDate, parisDay } from "@/lib/dates";
import { acceptUpload, claimFile } from "@/lib/files";
import { createAccount, createHousehold } from "@/lib/factories";
import { seedCampaigns } from "./seed/campaigns";
import { seedCatalogue } from "./seed/catalogue";
import { seedDocumentsAndRequests } from "./seed/documents";

/** Demo logins, listed in README. */
export const DEMO = {
  admin: { email: "admin@portail-famille.test", identifiant: "a0000001", password: "Admin-demo-2026" },
  staff: { email: "agent@portail-famille.test", identifiant: "a0000002", password: "Agent-demo-2026" },
  dupont: { email: "marie.dupont@exemple.fr", identifiant: "c3594e0f", password: "Famille-demo-2026" },
  martin: { email: "sophie.martin@exemple.fr", identifiant: "b71d20aa", password: "Famille-demo-2026" },
  pending: { email: "karim.benali@exemple.fr", identifiant: "e5a9c3d1", password: "Famille-demo-2026" },
  bernard: { email: "luc.bernard@exemple.fr", identifiant: "d4e8f0a2", password: "Famille-demo-2026" },
};

const LOREM_LEGAL = `Éditeur du site : Communauté de communes du Val Fleuri, ZAE Les Garrigues, 34480 Magalas. Directeur de la publication : le Président de la Communauté de communes.

Hébergement : à compléter par la collectivité avec le nom et l'adresse de son hébergeur.

Données personnelles : les informations recueillies sur ce portail sont traitées par le service Enfance-Jeunesse pour la gestion des inscriptions, des réservations et de la facturation. Elles sont conservées pendant la durée de la relation avec la famille puis archivées selon les règles applicables aux archives publiques. Vous pouvez exercer vos droits d'accès, de rectification et d'effacement auprès du délégué à la protection des données : dpo@val-fleuri.example.`;

// What the structured declaration (below) has no place for, shown at its end.
const ACCESSIBILITY = `Le service Enfance-Jeunesse vous reçoit aussi à son accueil, aux horaires indiqués en bas de chaque page, pour effectuer avec vous une réservation, une démarche ou le règlement d'une facture.`;

const CGU = `Le Portail Famille permet aux familles de s'inscrire, de réserver les prestations périscolaires et extrascolaires, de payer leurs factures en ligne et d'envoyer leurs justificatifs.

L'accès au portail nécessite la création d'un compte personnel et le contrôle d'une pièce d'identité par le service. Vous êtes responsable de la confidentialité de votre mot de passe.

Les informations que vous transmettez doivent être exactes. Une réservation payée est ferme et ne peut prétendre à aucun remboursement, sauf dans les cas prévus par le règlement intérieur.`;

const GUIDE = `Pour accéder au portail famille, connectez-vous depuis un ordinateur, une tablette ou un smartphone.

1ère connexion : cliquez sur « Pas encore inscrit ? Cliquez ici ! », remplissez les champs demandés et joignez votre pièce d'identité. Un seul des deux numéros de téléphone est requis.

Vous recevez un email « Inscription Portail Famille » : cliquez sur « Confirmer inscription ». Votre compte est alors actif mais ne contient pas encore les informations de votre famille : elles seront accessibles après le contrôle de votre identité par le service.

Une barre de menu propose ensuite 4 options : Accueil, Demandes (inscriptions et démarches administratives), Factures (factures dues et acquittées) et Mon Espace (votre famille et les documents envoyés).`;

/**
 * The declaration of this portal as it stands: an internal self-audit whose
 * counts are docs/rgaa-audit.md's (criteria not tested there are counted
 * "not met"; lib/accessibility/audit-grid.test.ts keeps the two equal), and
 * the contents we know are not accessible.
 */
export const DECLARATION_COUNTS = { criteriaMet: 34, criteriaNotMet: 30, criteriaNotApplicable: 42 };

async function seedAccessibilityDeclaration(db: Db) {
  const today = dayToDate(parisDay(new Date()));
  await db.accessibilityDeclaration.create({
    data: {
      id: 1,
      establishedOn: today,
      auditDate: today,
      auditor: "l'équipe du portail (auto-évaluation interne)",
      ...DECLARATION_COUNTS,
      nonAccessible: [
        {
          content: "Factures et avoirs au format PDF",
          reason: "NON_CONFORMITE",
          detail: "Les fichiers PDF des factures et des avoirs ne sont pas balisés : un lecteur d'écran n'en restitue ni les titres, ni les tableaux, ni l'ordre de lecture.",
          alternative: "Chaque facture et chaque avoir a une « Version accessible » : une page web au contenu identique, proposée à côté du lien vers le PDF.",
        },
        {
          content: "Plan du site",
          reason: "NON_CONFORMITE",
          detail: "Le portail n'offre qu'un système de navigation, le menu principal, sans plan du site ni moteur de recherche (critère 12.1).",
          alternative: "Le menu principal, sur chaque page, mène à toutes les rubriques du portail.",
        },
        {
          content: "Décompte de 15 minutes pendant le paiement d'une réservation",
          reason: "DEROGATION",
          detail:
            "Les places choisies sont retenues 15 minutes, le temps de payer. Cette limite est essentielle à l'équité des réservations : sans elle, des places resteraient bloquées au détriment des autres familles (cas particulier du critère 13.1).",
          alternative: "Le temps restant est affiché, et annoncé aux lecteurs d'écran 2 minutes avant la fin. Les places non payées à temps peuvent être réservées de nouveau.",
        },
        {
          content: "Pages de paiement PayFiP",
          reason: "DEROGATION",
          detail: "Le paiement en ligne se fait sur PayFiP, le service de la Direction générale des Finances publiques (DGFiP) : ses pages ne relèvent pas de ce portail.",
          alternative: "Les factures peuvent aussi être réglées au guichet de la régie.",
        },
        {
          content: "Documents envoyés par les familles",
          reason: "DEROGATION",
          detail: "Les justificatifs (pièces d'identité, attestations…) sont les fichiers des familles elles-mêmes, contenus tiers que le service ne produit pas.",
          alternative: "",
        },
      ],
      technologies: ["HTML5", "CSS", "JavaScript", "WAI-ARIA"],
      testEnvironment: [
        "Chromium, sur ordinateur et en largeur de téléphone (360 et 320 pixels, texte agrandi à 200 %)",
        "Lecteurs d'écran (NVDA, VoiceOver) : pas encore utilisés pour ces tests",
      ],
      tools: ["axe-core, sur chaque page des parcours automatisés", "Playwright : parcours au clavier, contraste du focus, défilement horizontal", "Lecture du code source"],
      pagesAudited: [
        { title: "Connexion", url: "/connexion" },
        { title: "Inscription", url: "/inscription" },
        { title: "Accueil", url: "/accueil" },
        { title: "Réservation", url: "/demandes/reservation/calendrier" },
        { title: "Factures", url: "/factures" },
        { title: "Mon espace", url: "/mon-espace" },
        { title: "Paiement en ligne par identifiant", url: "/payer" },
        { title: "Déclaration d'accessibilité", url: "/accessibilite" },
        { title: "Page introuvable", url: "/page-introuvable" },
      ],
      contactEmail: "jeunesse@val-fleuri.example",
      contactAddress: "Service Enfance-Jeunesse\nCommunauté de communes du Val Fleuri\nZAE Les Garrigues\n34480 Magalas",
      multiYearPlanUrl: "https://www.val-fleuri.example/accessibilite/schema-pluriannuel",
      actionPlanUrl: "https://www.val-fleuri.example/accessibilite/plan-d-action",
    },
  });
}

/** A one-page PDF standing in for a scanned identity card. */
function demoIdentityPdf(): Uint8Array {
  const body = [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 420 260] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj",
    "4 0 obj << /Length 88 >> stream",
    "BT /F1 18 Tf 30 200 Td (CARTE D'IDENTITE - DEMO) Tj 0 -40 Td (BENALI Karim 12/03/1985) Tj ET",
    "endstream endobj",
    "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n");
  return new TextEncoder().encode(body);
}

/**
 * Demo data for a fresh database. Idempotent: does nothing when the
 * authority's settings already exist.
 */
export async function seed(): Promise<boolean> {
  const db = await getDb();
  if (await db.authoritySettings.findUnique({ where: { id: 1 } })) return false;

  await db.authoritySettings.create({
    data: {
      id: 1,
      name: "Communauté de communes du Val Fleuri",
      portalName: "Portail Famille",
      address1: "ZAE Les Garrigues",
      postalCode: "34480",
      city: "Magalas",
      phone: "04 67 00 07 51",
      email: "jeunesse@val-fleuri.example",
      website: "https://www.val-fleuri.example",
      openingHours: {
        lundi: "08:00-12:00 13:30-17:30",
        mardi: "08:00-12:00 13:30-17:30",
        mercredi: "08:00-12:00 13:30-17:30",
        jeudi: "08:00-12:00 13:30-17:30",
        vendredi: "08:00-12:00 13:30-17:00",
      },
      regieName: "Régie Périscolaire",
      regieReference: "R-34-0421",
      siret: "21340157800009",
      legalNotice: LOREM_LEGAL,
      accessibility: ACCESSIBILITY,
      cgu: CGU,
      userGuide: GUIDE,
    },
  });

  await seedAccessibilityDeclaration(db);

  const mitterrand = await db.site.create({
    data: {
      name: "Élémentaire Mitterrand",
      address: "2 rue des Écoles, 34480 Magalas",
      classes: {
        create: [
          { name: "CM1A", teacher: "MME GUILLEM" },
          { name: "CE2B", teacher: "M. MARTINEZ" },
        ],
      },
    },
    include: { classes: true },
  });
  const lilas = await db.site.create({
    data: {
      name: "Maternelle Les Lilas",
      address: "5 avenue des Lilas, 34480 Magalas",
      classes: { create: [{ name: "MS", teacher: "MME ROUSSEL" }] },
    },
    include: { classes: true },
  });
  const classId = (site: typeof mitterrand, name: string) => site.classes.find((c) => c.name === name)!.id;

  const admin = await createAccount(db, { ...DEMO.admin, firstName: "Nadia", lastName: "ROCHE", role: "ADMIN", civility: "MME" });
  await createAccount(db, { ...DEMO.staff, firstName: "Julien", lastName: "FABRE", role: "STAFF", civility: "M" });

  const dupont = await createHousehold(db, {
    name: "DUPONT",
    address1: "12 chemin des Vignes",
    postalCode: "34480",
    city: "Magalas",
    qf: 351,
    qfValidUntil: "2027-12-31",
    regime: "RG",
    cafNumber: "1234567",
    members: [
      { quality: "RESPONSABLE", civility: "MME", firstName: "Marie", lastName: "DUPONT", birthDate: "1986-04-02", mobile: "06 11 22 33 44", email: DEMO.dupont.email },
      { quality: "CONJOINT", civility: "M", firstName: "Paul", lastName: "DUPONT", birthDate: "1984-09-17", mobile: "06 55 66 77 88" },
      { quality: "ENFANT", firstName: "Emma", lastName: "DUPONT", birthDate: "2016-05-09", schoolClassId: classId(mitterrand, "CM1A") },
      { quality: "ENFANT", firstName: "Lucas", lastName: "DUPONT", birthDate: "2021-11-23", schoolClassId: classId(lilas, "MS") },
    ],
  });
  const marie = dupont.members.find((m) => m.firstName === "Marie")!;
  await createAccount(db, {
    ...DEMO.dupont,
    civility: "MME",
    firstName: "Marie",
    lastName: "DUPONT",
    birthDate: "1986-04-02",
    mobile: "06 11 22 33 44",
    personId: marie.id,
  });

  const martin = await createHousehold(db, {
    name: "MARTIN",
    address1: "3 place de la Mairie",
    postalCode: "34480",
    city: "Magalas",
    qf: 1120,
    qfValidUntil: "2027-12-31",
    regime: "MSA",
    members: [
      { quality: "RESPONSABLE", civility: "MME", firstName: "Sophie", lastName: "MARTIN", birthDate: "1990-01-14", phone: "04 67 11 22 33", email: DEMO.martin.email },
      { quality: "ENFANT", firstName: "Léa", lastName: "MARTIN", birthDate: "2017-07-30", schoolClassId: classId(mitterrand, "CE2B") },
    ],
  });
  await createAccount(db, {
    ...DEMO.martin,
    civility: "MME",
    firstName: "Sophie",
    lastName: "MARTIN",
    birthDate: "1990-01-14",
    phone: "04 67 11 22 33",
    personId: martin.members.find((m) => m.quality === "RESPONSABLE")!.id,
  });

  const bernard = await createHousehold(db, {
    name: "BERNARD",
    address1: "8 impasse des Oliviers",
    postalCode: "34480",
    city: "Magalas",
    members: [
      { quality: "RESPONSABLE", civility: "M", firstName: "Luc", lastName: "BERNARD", birthDate: "1982-02-11", mobile: "06 98 76 54 32", email: DEMO.bernard.email },
      { quality: "ENFANT", firstName: "Chloé", lastName: "BERNARD", birthDate: "2015-10-04", schoolClassId: classId(mitterrand, "CM1A") },
    ],
  });
  await createAccount(db, {
    ...DEMO.bernard,
    civility: "M",
    firstName: "Luc",
    lastName: "BERNARD",
    birthDate: "1982-02-11",
    mobile: "06 98 76 54 32",
    personId: bernard.members.find((m) => m.quality === "RESPONSABLE")!.id,
  });

  await seedDocumentsAndRequests(db);
  await seedCatalogue(db, admin);
  await seedCampaigns(db, admin);
  // The demo family's usual days, so the calendar shows a month pre-filled by the semaine type.
  const canteen = await db.product.findFirstOrThrow({ where: { name: "Repas cantine" } });
  await db.weekPattern.createMany({
    data: [
      { personId: dupont.members.find((m) => m.firstName === "Emma")!.id, productId: canteen.id, weekdays: [1, 2, 4, 5] },
      { personId: dupont.members.find((m) => m.firstName === "Lucas")!.id, productId: canteen.id, weekdays: [1, 4] },
    ],
  });

  const upload = await acceptUpload({ bytes: demoIdentityPdf(), name: "carte-identite.pdf", address: "seed" });
  await db.$transaction(async (tx) => {
    const file = await claimFile(tx, { fileId: upload.fileId, claim: upload.claim });
    await createAccount(tx, {
      ...DEMO.pending,
      civility: "M",
      firstName: "Karim",
      lastName: "BENALI",
      birthDate: "1985-03-12",
      mobile: "07 12 34 56 78",
      status: "PENDING_REVIEW",
      identityFileId: file.id,
    });
  });
  return true;
}
