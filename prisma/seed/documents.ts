import type { Db } from "@/lib/db/client";

/**
 * The document types and démarches administratives a new authority starts
 * with; staff edit both lists. A proof of address counts 3 months and a QF
 * certificate a year: the yearly update asks again for those once expired.
 */
export async function seedDocumentsAndRequests(db: Db) {
  const types = [
    { code: "IDENTITE", label: "Pièce d'identité", description: "Carte d'identité ou passeport en cours de validité." },
    { code: "DOMICILE", label: "Justificatif de domicile", description: "Facture d'énergie, de téléphone ou avis d'imposition de moins de 3 mois.", validityMonths: 3 },
    { code: "QF_CAF", label: "Quotient familial CAF", description: "Attestation de quotient familial CAF ou MSA de l'année en cours.", validityMonths: 12 },
    { code: "LIVRET", label: "Livret de famille", description: "Pages des parents et de l'enfant concerné." },
    { code: "JUGEMENT", label: "Jugement ou attestation de situation familiale", description: "Jugement de divorce, de séparation ou convention de garde." },
    { code: "MEDICAL", label: "Certificat médical", description: "Certificat médical, PAI ou attestation de vaccination." },
    { code: "AUTRE", label: "Autre document", description: null },
  ];
  const byCode: Record<string, string> = {};
  for (const [i, t] of types.entries()) {
    const row = await db.documentType.create({ data: { ...t, sortOrder: i } });
    byCode[t.code] = row.id;
  }
  const requests = [
    {
      code: "CHANGEMENT_ADRESSE",
      label: "Changement d'adresse",
      description: "Indiquez votre nouvelle adresse et joignez un justificatif de domicile de moins de 3 mois.",
      action: "CHANGE_ADDRESS" as const,
      needsMember: false,
      fields: [
        { name: "address1", label: "Adresse", type: "text", required: true },
        { name: "address2", label: "Complément d'adresse", type: "text", required: false },
        { name: "postalCode", label: "Code Postal", type: "text", required: true },
        { name: "city", label: "Ville", type: "text", required: true },
      ],
      documents: ["DOMICILE"],
    },
    {
      code: "QUOTIENT_FAMILIAL",
      label: "Mise à jour du quotient familial",
      description: "Joignez votre attestation de quotient familial CAF ou MSA.",
      action: "UPDATE_QF" as const,
      needsMember: false,
      fields: [
        { name: "qf", label: "Quotient familial", type: "number", required: true },
        { name: "regime", label: "Régime (RG, MSA ou autre)", type: "text", required: true },
        { name: "validUntil", label: "Valable jusqu'au", type: "date", required: true },
        { name: "cafNumber", label: "N° allocataire", type: "text", required: false },
      ],
      documents: ["QF_CAF"],
    },
    {
      code: "SITUATION_FAMILIALE",
      label: "Changement de situation familiale",
      description: "Mariage, séparation, divorce, garde alternée : décrivez le changement et joignez le justificatif.",
      action: "FAMILY_SITUATION" as const,
      needsMember: true,
      fields: [{ name: "details", label: "Description du changement", type: "textarea", required: true }],
      documents: ["JUGEMENT"],
    },
    {
      code: "CERTIFICAT_MEDICAL",
      label: "Certificat médical",
      description: "Certificat médical, PAI ou vaccinations d'un membre de la famille.",
      action: "MEDICAL" as const,
      needsMember: true,
      fields: [{ name: "details", label: "Précisions (allergies, traitement…)", type: "textarea", required: false }],
      documents: ["MEDICAL"],
    },
    {
      code: "AJOUT_PERSONNE",
      label: "Ajouter une personne de la famille",
      description: "Un enfant ou un adulte du foyer : joignez le livret de famille.",
      action: "ADD_MEMBER" as const,
      needsMember: false,
      fields: [],
      documents: ["LIVRET"],
    },
    {
      code: "AUTRE",
      label: "Autre demande",
      description: "Toute autre demande au service.",
      action: "OTHER" as const,
      needsMember: true,
      fields: [{ name: "details", label: "Votre demande", type: "textarea", required: true }],
      documents: ["AUTRE"],
    },
  ];
  for (const [i, { documents, ...r }] of requests.entries()) {
    await db.requestType.create({
      data: { ...r, sortOrder: i, documentTypes: { connect: documents.map((code) => ({ id: byCode[code] })) } },
    });
  }
}
