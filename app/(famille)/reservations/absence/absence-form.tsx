"use client";

import { useState, useTransition, type FormEvent } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonClass } from "@/components/ui/button";
import { Field, RequiredNote, Textarea } from "@/components/ui/field";
import { FileField, useDocumentUpload } from "@/components/upload";
import type { FormState } from "@/lib/forms";
import { ABSENCE_REASON_LABELS, labelOptions } from "@/lib/format/labels";
import { reportAbsenceAction } from "./actions";

export type AbsenceDayOption = { bookingId: string; label: string; productLabel: string; ruleLabel: string; deadlineLabel: string };
export type AbsenceChildOption = { personId: string; name: string; days: AbsenceDayOption[] };

const REASONS = labelOptions(ABSENCE_REASON_LABELS);

/** Where each field's message in the summary leads. */
const FIELD_IDS: Record<string, string> = { bookingIds: "absence-days", reason: "absence-reason", comment: "absence-comment", certificate: "absence-certificate" };

/**
 * "Signaler une absence": the days (grouped by child, one large row each),
 * the reason, a comment and a certificate if the family has one, then
 * "Envoyer". The certificate goes up first, then the action records the
 * absence and its credit; a refusal lands on the summary at the top.
 */
export function AbsenceForm({ childrenDays, uploadDriver, maxBytes }: { childrenDays: AbsenceChildOption[]; uploadDriver: "local" | "uploadthing"; maxBytes: number }) {
  const [state, setState] = useState<FormState>({ status: "idle" });
  const [file, setFile] = useState<File | null>(null);
  const [pending, startTransition] = useTransition();
  const uploader = useDocumentUpload(uploadDriver, { maxBytes });
  const errors = state.fieldErrors ?? {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const bookingIds = form.getAll("bookingIds").map(String);
    const reason = String(form.get("reason") ?? "");
    const comment = String(form.get("comment") ?? "");
    const local: Record<string, string> = {};
    if (bookingIds.length === 0) local.bookingIds = "Choisissez au moins un jour d'absence.";
    if (!reason) local.reason = "Choisissez le motif de l'absence.";
    if (Object.keys(local).length) {
      setState({ status: "error", message: "Le formulaire contient des erreurs : corrigez les champs signalés.", fieldErrors: local });
      return;
    }
    startTransition(async () => {
      let certificate;
      if (file) {
        try {
          certificate = await uploader.upload(file);
        } catch (error) {
          setState({
            status: "error",
            message: "Le certificat n'a pas pu être envoyé : corrigez-le puis recommencez.",
            fieldErrors: { certificate: error instanceof Error ? error.message : "L'envoi du fichier a échoué." },
          });
          return;
        }
      }
      setState(await reportAbsenceAction({ bookingIds, reason, comment, ...(certificate ? { certificate } : {}) }));
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <ErrorSummary state={state} fieldIds={FIELD_IDS} />
      <RequiredNote />

      <fieldset id="absence-days" tabIndex={-1} className="space-y-4" aria-describedby={errors.bookingIds ? "absence-days-error" : undefined}>
        <legend className="text-base font-semibold text-slate-900">
          Jours d&apos;absence
          <span className="text-danger-700" aria-hidden="true">
            {" "}
            *
          </span>
        </legend>
        {errors.bookingIds ? (
          <p id="absence-days-error" className="text-sm font-medium text-danger-700">
            {errors.bookingIds}
          </p>
        ) : null}
        {childrenDays.map((child) => (
          <fieldset key={child.personId} className="space-y-2">
            <legend className="text-sm font-semibold text-slate-800">{child.name}</legend>
            <ul className="space-y-2">
              {child.days.map((day) => (
                <li key={day.bookingId}>
                  <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                    <input type="checkbox" name="bookingIds" value={day.bookingId} className="mt-0.5 size-5 shrink-0" />
                    <span className="min-w-0">
                      <span className="block font-medium text-slate-900">
                        {day.label} <span className="font-normal">— {day.productLabel}</span>
                      </span>
                      <span className="block text-sm text-slate-600">
                        {day.ruleLabel} · {day.deadlineLabel}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </fieldset>

      <fieldset id="absence-reason" tabIndex={-1} className="space-y-2" aria-describedby={errors.reason ? "absence-reason-error" : undefined}>
        <legend className="text-base font-semibold text-slate-900">
          Motif
          <span className="text-danger-700" aria-hidden="true">
            {" "}
            *
          </span>
        </legend>
        {errors.reason ? (
          <p id="absence-reason-error" className="text-sm font-medium text-danger-700">
            {errors.reason}
          </p>
        ) : null}
        <div className="space-y-2">
          {REASONS.map((r) => (
            <label key={r.value} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
              <input type="radio" name="reason" value={r.value} className="size-5 shrink-0" />
              <span>{r.label}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <Field id="absence-comment" label="Commentaire (facultatif)" error={errors.comment}>
        {(p) => <Textarea {...p} name="comment" rows={3} maxLength={500} />}
      </Field>

      <FileField
        id="absence-certificate"
        label="Certificat médical (facultatif)"
        hint="PDF ou photo (JPEG, PNG, WebP, HEIC). Il est demandé pour les prestations remboursées sur justificatif."
        camera
        maxBytes={maxBytes}
        error={errors.certificate}
        progress={pending && file ? uploader.progress : null}
        onFileChange={setFile}
      />

      <button type="submit" className={buttonClass("primary", "w-full sm:w-auto")} disabled={pending} aria-disabled={pending}>
        {pending ? "Envoi en cours…" : "Envoyer"}
      </button>
    </form>
  );
}
