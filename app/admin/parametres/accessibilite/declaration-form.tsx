"use client";

import { useActionState, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, Input, RequiredNote, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { DeclarationDto } from "@/lib/accessibility";
import { MAX_ROWS } from "@/lib/accessibility/schemas";
import { INACCESSIBLE_REASON_LABELS, labelOptions } from "@/lib/format";
import { CONFORMITY_LABELS, conformityOf, formatRate, RGAA_CRITERIA } from "@/lib/accessibility/status";
import { idle } from "@/lib/forms";
import type { AdminFormState } from "../../_lib/form-values";
import { updateDeclarationAction } from "./actions";

const legendClass = "px-1 text-lg font-semibold text-slate-900";
const fieldsetClass = "space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6";
const rowClass = "space-y-3 rounded-md border border-slate-300 p-3 sm:p-4";

/** Every control has this id, so the error summary links each message to its field. */
const idOf = (name: string) => `declaration-${name.replace(/\./g, "-")}`;

/** How many rows a refused post had (it sends blank rows too), so none of what was typed is lost. */
function postedRows(values: Record<string, string> | undefined, list: string): number {
  const indexes = Object.keys(values ?? {}).flatMap((key) => {
    const m = new RegExp(`^${list}\\.(\\d+)\\.`).exec(key);
    return m ? [Number(m[1]) + 1] : [];
  });
  return Math.max(0, ...indexes);
}

const countText = (n: number | null) => (n === null ? "" : String(n));

export function DeclarationForm({ declaration }: { declaration: DeclarationDto }) {
  const [state, action] = useActionState<AdminFormState, FormData>(updateDeclarationAction, idle);
  const errors = state.fieldErrors ?? {};
  const saved: Record<string, string> = {
    establishedOn: declaration.establishedOn ?? "",
    auditDate: declaration.auditDate ?? "",
    auditor: declaration.auditor,
    criteriaMet: countText(declaration.criteriaMet),
    criteriaNotMet: countText(declaration.criteriaNotMet),
    criteriaNotApplicable: countText(declaration.criteriaNotApplicable),
    technologies: declaration.technologies.join("\n"),
    testEnvironment: declaration.testEnvironment.join("\n"),
    tools: declaration.tools.join("\n"),
    contactEmail: declaration.contactEmail,
    contactAddress: declaration.contactAddress,
    contactFormUrl: declaration.contactFormUrl ?? "",
    multiYearPlanUrl: declaration.multiYearPlanUrl ?? "",
    actionPlanUrl: declaration.actionPlanUrl ?? "",
  };
  declaration.nonAccessible.forEach((item, i) => {
    for (const [key, v] of Object.entries(item)) saved[`nonAccessible.${i}.${key}`] = v;
  });
  declaration.pagesAudited.forEach((page, i) => {
    saved[`pagesAudited.${i}.title`] = page.title;
    saved[`pagesAudited.${i}.url`] = page.url;
  });
  const value = (name: string) => state.values?.[name] ?? saved[name] ?? "";

  // One blank row after the saved ones; "Ajouter" adds more. Rows keep their
  // place (emptied rather than removed), so a field never takes another's value.
  const [contentRows, setContentRows] = useState(() => Math.min(MAX_ROWS, declaration.nonAccessible.length + 1));
  const [pageRows, setPageRows] = useState(() => Math.min(MAX_ROWS, declaration.pagesAudited.length + 1));
  const shownContentRows = Math.max(contentRows, postedRows(state.values, "nonAccessible"));
  const shownPageRows = Math.max(pageRows, postedRows(state.values, "pagesAudited"));
  const [focusNext, setFocusNext] = useState<string | null>(null);
  useEffect(() => {
    if (focusNext) document.getElementById(focusNext)?.focus();
  }, [focusNext]);

  // The status the counts give, shown as they are typed.
  const [counts, setCounts] = useState({ met: value("criteriaMet"), notMet: value("criteriaNotMet") });
  const asCount = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : null);
  const live = conformityOf({ criteriaMet: asCount(counts.met), criteriaNotMet: asCount(counts.notMet) });

  const field = (
    name: string,
    label: string,
    props: { required?: boolean; type?: string; hint?: string; inputMode?: "numeric" | "email" | "url"; onInput?: (v: string) => void } = {},
  ) => (
    <Field id={idOf(name)} label={label} required={props.required} hint={props.hint} error={errors[name]}>
      {(p) => (
        <Input
          {...p}
          name={name}
          type={props.type ?? "text"}
          required={props.required}
          autoComplete="off"
          inputMode={props.inputMode}
          defaultValue={value(name)}
          onChange={props.onInput ? (e) => props.onInput!(e.currentTarget.value) : undefined}
        />
      )}
    </Field>
  );
  const area = (name: string, label: string, props: { required?: boolean; hint?: string; rows?: number } = {}) => (
    <Field id={idOf(name)} label={label} required={props.required} hint={props.hint} error={errors[name]}>
      {(p) => <Textarea {...p} name={name} rows={props.rows ?? 4} required={props.required} defaultValue={value(name)} />}
    </Field>
  );
  const fieldIds = Object.fromEntries(
    [...Object.keys(saved), ...Object.keys(errors)].map((name) => [name, idOf(name)]),
  );
  const addButton = (label: string, rows: number, add: () => void, firstField: string) =>
    rows < MAX_ROWS ? (
      <button
        type="button"
        className={buttonClass("secondary")}
        onClick={() => {
          add();
          setFocusNext(idOf(firstField));
        }}
      >
        {label}
      </button>
    ) : null;

  return (
    <form action={action} className="space-y-6" noValidate>
      <ErrorSummary state={state} fieldIds={fieldIds} />
      {state.status === "success" && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <RequiredNote />

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Déclaration</legend>
        {field("establishedOn", "Date d'établissement de la déclaration", { required: true, type: "date", hint: "jj/mm/aaaa" })}
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Résultats de l&apos;audit</legend>
        <p className="text-sm text-slate-700">
          Le RGAA 4.1 compte {RGAA_CRITERIA} critères. Laissez les trois nombres vides tant qu&apos;aucun audit n&apos;a
          été réalisé : le portail est alors déclaré « non conforme ».
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {field("auditDate", "Date de l'audit", { type: "date", hint: "jj/mm/aaaa" })}
          {field("auditor", "Réalisé par", { hint: "Le service lui-même (auto-évaluation) ou le prestataire." })}
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          {field("criteriaMet", "Critères respectés", { inputMode: "numeric", onInput: (met) => setCounts((c) => ({ ...c, met })) })}
          {field("criteriaNotMet", "Critères non respectés", {
            inputMode: "numeric",
            onInput: (notMet) => setCounts((c) => ({ ...c, notMet })),
          })}
          {field("criteriaNotApplicable", "Critères non applicables", { inputMode: "numeric" })}
        </div>
        <p role="status" className="rounded-md bg-slate-100 p-3 text-sm text-slate-900">
          État de conformité qui sera publié : <strong>{CONFORMITY_LABELS[live.status]}</strong>
          {live.rate === null ? " (aucun audit)" : `, ${formatRate(live.rate)} des critères respectés`}.
        </p>
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Contenus non accessibles</legend>
        <p className="text-sm text-slate-700">
          Pour chaque contenu : pourquoi il n&apos;est pas accessible et, s&apos;il y en a une, l&apos;alternative
          proposée. Pour retirer un contenu, videz ses champs.
        </p>
        {Array.from({ length: shownContentRows }, (_, i) => {
          const name = (key: string) => `nonAccessible.${i}.${key}`;
          return (
            <fieldset key={i} className={rowClass}>
              <legend className="px-1 font-semibold text-slate-900">Contenu {i + 1}</legend>
              {field(name("content"), "Contenu")}
              <Field id={idOf(name("reason"))} label="Raison" error={errors[name("reason")]}>
                {(p) => (
                  <Select {...p} name={name("reason")} defaultValue={value(name("reason"))}>
                    <option value="">Choisir…</option>
                    {labelOptions(INACCESSIBLE_REASON_LABELS).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              {area(name("detail"), "Détail", { rows: 3, hint: "Les critères en cause, ou ce qui justifie la dérogation." })}
              {area(name("alternative"), "Alternative accessible", { rows: 2 })}
            </fieldset>
          );
        })}
        {addButton("Ajouter un contenu", shownContentRows, () => setContentRows(shownContentRows + 1), `nonAccessible.${shownContentRows}.content`)}
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Établissement de la déclaration</legend>
        {area("technologies", "Technologies utilisées", { hint: "Une par ligne (exemple : HTML5)." })}
        {area("testEnvironment", "Environnement de test", {
          hint: "Un par ligne : navigateur et technologie d'assistance (exemple : Firefox avec NVDA).",
        })}
        {area("tools", "Outils pour évaluer l'accessibilité", { hint: "Un par ligne." })}
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Pages auditées</legend>
        <p className="text-sm text-slate-700">Pour retirer une page, videz ses deux champs.</p>
        {Array.from({ length: shownPageRows }, (_, i) => (
          <fieldset key={i} className={rowClass}>
            <legend className="px-1 font-semibold text-slate-900">Page {i + 1}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              {field(`pagesAudited.${i}.title`, "Titre")}
              {field(`pagesAudited.${i}.url`, "Adresse", { hint: "Une page du portail (/accueil) ou une adresse complète." })}
            </div>
          </fieldset>
        ))}
        {addButton("Ajouter une page", shownPageRows, () => setPageRows(shownPageRows + 1), `pagesAudited.${shownPageRows}.title`)}
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Retour d&apos;information et contact</legend>
        {field("contactEmail", "Email de contact", { required: true, type: "email", inputMode: "email" })}
        {area("contactAddress", "Adresse postale de contact", { required: true, rows: 4 })}
        {field("contactFormUrl", "Formulaire de contact", { type: "url", inputMode: "url", hint: "Facultatif." })}
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Schéma pluriannuel et plan d&apos;action</legend>
        {field("multiYearPlanUrl", "Adresse du schéma pluriannuel", { type: "url", inputMode: "url" })}
        {field("actionPlanUrl", "Adresse du plan d'action de l'année", { type: "url", inputMode: "url" })}
      </fieldset>

      <SubmitButton pendingLabel="Enregistrement…">Enregistrer la déclaration</SubmitButton>
    </form>
  );
}
