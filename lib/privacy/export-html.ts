import {
  ABSENCE_REASON_LABELS,
  ABSENCE_STATUS_LABELS,
  BOOKING_STATUS_LABELS,
  CAMPAIGN_OUTCOME_LABELS,
  CIVILITY_LABELS,
  CONSENT_KIND_LABELS,
  INVOICE_STATUS_LABELS,
  LEDGER_KIND_LABELS,
  PAYMENT_METHOD_LABELS,
  PAYMENT_STATUS_LABELS,
  PICKUP_KIND_LABELS,
  QUALITY_LABELS,
  REGIME_LABELS,
  REVIEW_STATUS_LABELS,
  USER_STATUS_LABELS,
  WAITLIST_STATUS_LABELS,
} from "@/lib/format/labels";
import { formatCents, formatDateTime, formatDay } from "@/lib/format";
import type { HouseholdExport } from "./export";
import type { RetentionRule } from "./retention";

const SECTIONS: { key: keyof HouseholdExport; title: string; enums?: Record<string, Record<string, string>> }[] = [
  { key: "membres", title: "Membres de la famille", enums: { qualite: QUALITY_LABELS, civilite: CIVILITY_LABELS } },
  { key: "comptes", title: "Comptes de connexion", enums: { statut: USER_STATUS_LABELS, civilite: CIVILITY_LABELS } },
  { key: "documents", title: "Documents envoyés", enums: { statut: REVIEW_STATUS_LABELS } },
  { key: "demarches", title: "Démarches", enums: { statut: REVIEW_STATUS_LABELS } },
  { key: "fichesSante", title: "Fiches santé" },
  { key: "personnesAutour", title: "Personnes autorisées, à prévenir ou non autorisées", enums: { type: PICKUP_KIND_LABELS } },
  { key: "autorisations", title: "Autorisations", enums: { type: CONSENT_KIND_LABELS } },
  { key: "reservations", title: "Réservations", enums: { statut: BOOKING_STATUS_LABELS } },
  { key: "absences", title: "Absences", enums: { motif: ABSENCE_REASON_LABELS, statut: ABSENCE_STATUS_LABELS } },
  { key: "semainesTypes", title: "Semaines types" },
  { key: "demandesDeCampagne", title: "Demandes de vacances (campagnes)", enums: { resultat: CAMPAIGN_OUTCOME_LABELS } },
  { key: "listesDAttente", title: "Listes d'attente", enums: { statut: WAITLIST_STATUS_LABELS } },
  { key: "factures", title: "Factures", enums: { statut: INVOICE_STATUS_LABELS, regime: REGIME_LABELS } },
  { key: "paiements", title: "Paiements", enums: { statut: PAYMENT_STATUS_LABELS, moyen: PAYMENT_METHOD_LABELS } },
  { key: "avoirs", title: "Avoirs" },
  { key: "remboursements", title: "Remboursements" },
  { key: "compte", title: "Compte de la famille (mouvements)", enums: { type: LEDGER_KIND_LABELS } },
  { key: "misesAJourDuDossier", title: "Mises à jour du dossier" },
  { key: "attestationsFiscales", title: "Attestations fiscales" },
  { key: "liensDAgenda", title: "Liens d'agenda" },
];

const WORDS: Record<string, string> = {
  jusquau: "jusqu'au",
  pai: "PAI",
  d: "d'",
  a: "à",
  sha256: "SHA-256",
};

/** "quotientFamilialValableJusquau" → "Quotient familial valable jusqu'au". */
export function fieldLabel(key: string): string {
  if (key === "membreId") return "Membre";
  const words = key
    .replace(/Centimes$/, "")
    .split(/(?=[A-Z])/)
    .map((w) => w.toLowerCase())
    .map((w) => WORDS[w] ?? w);
  const text = words.join(" ").replace(/d' /g, "d'");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

type Context = { memberNames: Map<string, string>; enums: Record<string, Record<string, string>> };

function valueHtml(key: string, value: unknown, ctx: Context): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  if (typeof value === "number") return key.endsWith("Centimes") ? escapeHtml(formatCents(value)) : String(value);
  if (typeof value === "string") {
    if (key === "membreId") return escapeHtml(ctx.memberNames.get(value) ?? value);
    if (ctx.enums[key]?.[value]) return escapeHtml(ctx.enums[key][value]);
    if (ISO_MOMENT.test(value)) return escapeHtml(formatDateTime(new Date(value)));
    if (ISO_DAY.test(value)) return escapeHtml(formatDay(value));
    return escapeHtml(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    if (value.every((v) => typeof v !== "object" || v === null)) return value.map((v) => valueHtml(key, v, ctx)).join(", ");
    return `<ul>${value.map((v) => `<li>${objectHtml(v as Record<string, unknown>, ctx)}</li>`).join("")}</ul>`;
  }
  return objectHtml(value as Record<string, unknown>, ctx);
}

function objectHtml(object: Record<string, unknown>, ctx: Context): string {
  const rows = Object.entries(object)
    .filter(([key]) => key !== "id")
    .map(([key, value]) => `<tr><th scope="row">${escapeHtml(fieldLabel(key))}</th><td>${valueHtml(key, value, ctx)}</td></tr>`)
    .join("");
  return `<table>${rows}</table>`;
}

/**
 * The export as a self-contained HTML page a family can open, read and print:
 * one section per kind of data, every value escaped, dates in French.
 */
export function renderExportHtml(data: HouseholdExport, { authorityName, rules }: { authorityName: string; rules: RetentionRule[] }): string {
  const memberNames = new Map(data.membres.map((m) => [m.id, `${m.prenom} ${m.nom}`]));
  const household = objectHtml(data.foyer, { memberNames, enums: { regime: REGIME_LABELS } });
  const sections = SECTIONS.map(({ key, title, enums = {} }) => {
    const rows = data[key] as unknown as Record<string, unknown>[];
    const body = rows.length ? rows.map((row) => `<div class="item">${objectHtml(row, { memberNames, enums })}</div>`).join("") : "<p>Aucune donnée.</p>";
    return `<section><h2>${escapeHtml(title)} (${rows.length})</h2>${body}</section>`;
  }).join("");
  const retention = rules.map((r) => `<li><strong>${escapeHtml(r.what)}</strong> : ${escapeHtml(r.duration)}.</li>`).join("");
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mes données — ${escapeHtml(data.foyer.nom)}</title>
<style>
body{font-family:system-ui,sans-serif;line-height:1.5;margin:1rem;max-width:60rem;color:#0f172a}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #cbd5e1}
table{border-collapse:collapse;width:100%;margin:.25rem 0}th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid #e2e8f0;overflow-wrap:anywhere}
th{width:40%;font-weight:600}.item{margin:.75rem 0;padding:.5rem;border:1px solid #cbd5e1;border-radius:.375rem}ul{padding-left:1.25rem}
</style>
</head>
<body>
<h1>Mes données — ${escapeHtml(data.foyer.nom)}</h1>
<p>Ce que le portail de ${escapeHtml(authorityName)} conserve sur votre famille, exporté le ${escapeHtml(formatDateTime(new Date(data.exporteLe)))}. Les montants sont en euros.</p>
<section><h2>Famille</h2>${household}</section>
${sections}
<section><h2>Durées de conservation</h2><ul>${retention}</ul></section>
</body>
</html>`;
}
