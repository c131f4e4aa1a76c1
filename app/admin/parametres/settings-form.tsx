"use client";

import { useActionState } from "react";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { labelOptions, REGIME_LABELS } from "@/lib/format";
import { idle } from "@/lib/forms";
import type { SettingsDto } from "@/lib/settings";
import { FormMessage } from "../_components/form-message";
import type { AdminFormState } from "../_lib/form-values";
import { updateSettingsAction } from "./actions";

const DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;

const legendClass = "px-1 text-lg font-semibold text-slate-900";
const fieldsetClass = "space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6";

/** `tariffRule`: the saved pricing rule as a sentence (describeTariffDefaults). */
export function SettingsForm({ settings, tariffRule }: { settings: SettingsDto; tariffRule: string }) {
  const [state, action] = useActionState<AdminFormState, FormData>(updateSettingsAction, idle);
  const errors = state.fieldErrors ?? {};
  const saved: Record<string, string> = {
    name: settings.name,
    portalName: settings.portalName,
    regieName: settings.regieName,
    regieReference: settings.regieReference,
    siret: settings.siret,
    paymentTermDays: String(settings.paymentTermDays),
    address1: settings.address1,
    address2: settings.address2 ?? "",
    postalCode: settings.postalCode,
    city: settings.city,
    phone: settings.phone,
    email: settings.email,
    website: settings.website ?? "",
    legalNotice: settings.legalNotice,
    accessibility: settings.accessibility,
    cgu: settings.cgu,
    userGuide: settings.userGuide,
    defaultTariffRegime: settings.defaultTariffRegime,
    defaultTariffQf: settings.defaultTariffQf == null ? "" : String(settings.defaultTariffQf),
    residentCities: settings.residentCities.join("\n"),
    waitlistOfferHours: String(settings.waitlistOfferHours),
    retentionIdentityMonths: String(settings.retentionIdentityMonths),
    retentionReplacedDocumentMonths: String(settings.retentionReplacedDocumentMonths),
    retentionExpiredDocumentMonths: String(settings.retentionExpiredDocumentMonths),
    retentionAccountingYears: String(settings.retentionAccountingYears),
    retentionAuditYears: String(settings.retentionAuditYears),
    ...Object.fromEntries(DAYS.map((d) => [`hours_${d}`, settings.openingHours[d] ?? ""])),
  };
  const value = (name: string) => state.values?.[name] ?? saved[name] ?? "";
  const text = (name: string, label: string, props: { required?: boolean; type?: string; hint?: string; autoComplete?: string; inputMode?: "numeric" | "tel" } = {}) => (
    <Field label={label} required={props.required} hint={props.hint} error={errors[name]}>
      {(p) => (
        <Input
          {...p}
          name={name}
          type={props.type ?? "text"}
          required={props.required}
          autoComplete={props.autoComplete ?? "off"}
          inputMode={props.inputMode}
          defaultValue={value(name)}
        />
      )}
    </Field>
  );
  const long = (name: string, label: string, hint: string) => (
    <Field label={label} required hint={hint} error={errors[name]}>
      {(p) => <Textarea {...p} name={name} rows={10} required defaultValue={value(name)} />}
    </Field>
  );
  return (
    <form action={action} className="space-y-6" noValidate>
      <FormMessage state={state} />
      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Collectivité</legend>
        {text("name", "Nom de la collectivité", { required: true, hint: "Exemple : Communauté de communes Les Avant-Monts." })}
        {text("portalName", "Nom du portail", { required: true })}
        {text("regieName", "Nom de la régie", { required: true, hint: "Figure sur les factures et les quittances." })}
        <div className="grid gap-4 sm:grid-cols-2">
          {text("siret", "SIRET de la collectivité", { hint: "14 chiffres, imprimés sur les factures et les avoirs.", inputMode: "numeric" })}
          {text("regieReference", "Référence de la régie", { hint: "Son numéro auprès de la DGFiP, imprimé sur les factures." })}
        </div>
        {text("paymentTermDays", "Délai de paiement (jours)", {
          required: true,
          inputMode: "numeric",
          hint: "Échéance d'une facture qui ne suit pas une réservation en ligne (celle-ci se paie avant la fin de la retenue des places).",
        })}
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Coordonnées du service</legend>
        {text("address1", "Adresse", { required: true })}
        {text("address2", "Complément d'adresse")}
        <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
          {text("postalCode", "Code postal", { required: true, inputMode: "numeric" })}
          {text("city", "Ville", { required: true })}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("phone", "Téléphone", { required: true, type: "tel", inputMode: "tel" })}
          {text("email", "Email", { required: true, type: "email" })}
        </div>
        {text("website", "Site web", { hint: "Exemple : https://www.ma-commune.fr" })}
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Horaires d&apos;accueil</legend>
        <p className="text-sm text-slate-700">
          Une ou plusieurs plages par jour, séparées par un espace, par exemple « 08:00-12:00 13:30-17:30 ». Laissez
          vide un jour de fermeture.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {DAYS.map((day) => (
            <div key={day}>{text(`hours_${day}`, day.charAt(0).toUpperCase() + day.slice(1))}</div>
          ))}
        </div>
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Tarif sans quotient familial ou sans régime</legend>
        <p className="text-sm text-slate-700">
          Une famille sans régime, ou dont le régime n&apos;a pas de tarif, est tarifée sur la grille du régime choisi ici ;
          une famille sans quotient familial valide, au quotient indiqué ici. Règle actuelle : {tariffRule}.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Régime appliqué" required error={errors.defaultTariffRegime}>
            {(p) => (
              <Select {...p} name="defaultTariffRegime" required defaultValue={value("defaultTariffRegime")}>
                {labelOptions(REGIME_LABELS).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {text("defaultTariffQf", "Quotient familial appliqué", {
            hint: "Laisser vide : tranche la plus haute.",
            inputMode: "numeric",
          })}
        </div>
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Vacances sur demande et listes d&apos;attente</legend>
        <Field
          label="Communes des résidents"
          hint="Une commune par ligne. Les familles qui y habitent passent d'abord quand une campagne applique la règle « Résidents de la commune d'abord ». Vide : la commune de la collectivité."
          error={errors.residentCities}
        >
          {(p) => <Textarea {...p} name="residentCities" rows={6} autoComplete="off" defaultValue={value("residentCities")} />}
        </Field>
        {text("waitlistOfferHours", "Durée d'une proposition de la liste d'attente (heures)", {
          required: true,
          hint: "Une place libérée en réservation au premier arrivé est gardée ce temps pour la famille suivante (de 1 à 336 heures). Chaque campagne fixe la sienne.",
          inputMode: "numeric",
        })}
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Durées de conservation</legend>
        <p className="text-sm text-slate-700">
          La maintenance efface ce que ces durées font expirer. Elles sont reprises dans le registre des traitements et
          sur la page « Mes données » des familles.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("retentionIdentityMonths", "Pièce d'identité de l'inscription (mois)", {
            required: true,
            inputMode: "numeric",
            hint: "Après la vérification du compte, de 0 à 12 mois.",
          })}
          {text("retentionReplacedDocumentMonths", "Documents remplacés, refusés ou supprimés (mois)", {
            required: true,
            inputMode: "numeric",
            hint: "Après le remplacement, le refus ou la suppression, de 0 à 24 mois.",
          })}
          {text("retentionExpiredDocumentMonths", "Documents dont la validité a pris fin (mois)", {
            required: true,
            inputMode: "numeric",
            hint: "Après la fin de validité du type de document, de 0 à 60 mois.",
          })}
          {text("retentionAccountingYears", "Factures, paiements et avoirs (ans)", {
            required: true,
            inputMode: "numeric",
            hint: "Obligation comptable : de 10 à 30 ans après la dernière opération d'une famille dont le compte est fermé.",
          })}
          {text("retentionAuditYears", "Journal des opérations (ans)", {
            required: true,
            inputMode: "numeric",
            hint: "De 1 à 10 ans.",
          })}
        </div>
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Textes des pages publiques</legend>
        <p className="text-sm text-slate-700">
          Texte simple : laissez une ligne vide entre deux paragraphes.
        </p>
        {long("legalNotice", "Mentions légales", "Page « Mentions légales ».")}
        {long(
          "accessibility",
          "Accessibilité : informations complémentaires",
          "Affichées à la fin de la déclaration d'accessibilité, dont les rubriques se remplissent dans Paramètres › Déclaration d'accessibilité.",
        )}
        {long("cgu", "Conditions générales d'utilisation", "Acceptées par chaque parent à l'inscription.")}
        {long("userGuide", "Notice d'utilisation", "Page « Notice d'utilisation » du portail.")}
      </fieldset>

      <SubmitButton pendingLabel="Enregistrement…">Enregistrer les paramètres</SubmitButton>
    </form>
  );
}
