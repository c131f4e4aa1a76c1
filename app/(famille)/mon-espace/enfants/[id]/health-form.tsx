"use client";

import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, Input, RequiredNote, Textarea } from "@/components/ui/field";
import { FileField, useDocumentUpload, type UploadReceipt } from "@/components/upload";
import { INVALID_FORM, type FormState } from "@/lib/forms";
import { saveHealthFileAction } from "./actions";
import { YesNo } from "./yes-no";

export type HealthFormValues = {
  doctorName: string;
  doctorPhone: string;
  dietIds: string[];
  vaccinationsUpToDate: "oui" | "non" | null;
  remarks: string;
  allergies: string;
  pai: "oui" | "non";
  paiValidUntil: string;
};

const FILES = { vaccinationsFile: "health-vaccins-file", paiFile: "health-pai-file" } as const;
type FileKey = keyof typeof FILES;

/** Where each refusal leads: the radios' first answer, the file fields by id. */
const FIELD_IDS: Record<string, string> = {
  vaccinationsUpToDate: "health-vaccins-oui",
  pai: "health-pai-oui",
  dietIds: "health-diet-0",
  ...FILES,
};

/** An upload's refusal, whatever key names it ("paiUpload.claim"), is about its file field. */
function fieldOf(name: string): string {
  if (name.startsWith("paiUpload")) return "paiFile";
  if (name.startsWith("vaccinationsUpload")) return "vaccinationsFile";
  return name;
}

/**
 * "Fiche santé". The files (carnet de vaccination, PAI) are uploaded only
 * once the questions the browser can check are answered, then attached by
 * the action with the rest; a refusal lands on the summary, which takes
 * the focus. The submission key and the disabled button make a double tap
 * send one form.
 */
export function HealthForm({
  personId,
  submissionKey,
  initial,
  dietOptions,
  awaitingReview,
  vaccinationDocuments,
  paiDocuments,
  uploadDriver,
  maxBytes,
}: {
  personId: string;
  submissionKey: string;
  initial: HealthFormValues;
  dietOptions: { id: string; label: string }[];
  awaitingReview: ReactNode;
  vaccinationDocuments: ReactNode;
  paiDocuments: ReactNode;
  uploadDriver: "local" | "uploadthing";
  maxBytes: number;
}) {
  const [state, setState] = useState<FormState>({ status: "idle" });
  const [files, setFiles] = useState<Partial<Record<FileKey, File | null>>>({});
  const [fileErrors, setFileErrors] = useState<Partial<Record<FileKey, string>>>({});
  // A new key empties the file fields after a save.
  const [round, setRound] = useState(0);
  const [pending, startTransition] = useTransition();
  const uploader = useDocumentUpload(uploadDriver, { maxBytes });
  const errors = state.fieldErrors ?? {};

  function refuse(message: string, fieldErrors: Record<string, string>) {
    setFileErrors({ paiFile: fieldErrors.paiFile, vaccinationsFile: fieldErrors.vaccinationsFile });
    setState({ status: "error", message, fieldErrors });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const input = {
      personId,
      submissionKey,
      doctorName: text("doctorName"),
      doctorPhone: text("doctorPhone"),
      dietIds: form.getAll("dietIds").map(String),
      vaccinationsUpToDate: text("vaccinationsUpToDate"),
      remarks: text("remarks"),
      allergies: text("allergies"),
      pai: text("pai"),
      paiValidUntil: text("paiValidUntil"),
    };
    const local: Record<string, string> = {};
    if (!input.vaccinationsUpToDate) local.vaccinationsUpToDate = "Indiquez si les vaccinations sont à jour.";
    if (!input.pai) local.pai = "Indiquez si l'enfant a un PAI (projet d'accueil individualisé).";
    if (input.pai === "oui" && !input.paiValidUntil) local.paiValidUntil = "Indiquez jusqu'à quelle date le PAI est valable.";
    if (Object.keys(local).length) {
      refuse(INVALID_FORM, local);
      return;
    }
    startTransition(async () => {
      setState({ status: "idle" });
      setFileErrors({});
      const uploads: Partial<Record<"paiUpload" | "vaccinationsUpload", UploadReceipt>> = {};
      for (const [key, target] of [
        ["vaccinationsFile", "vaccinationsUpload"],
        ["paiFile", "paiUpload"],
      ] as const) {
        const file = files[key];
        if (!file) continue;
        try {
          uploads[target] = await uploader.upload(file);
        } catch (error) {
          refuse("Un fichier n'a pas pu être envoyé : corrigez-le puis recommencez.", {
            [key]: error instanceof Error ? error.message : "L'envoi du fichier a échoué.",
          });
          return;
        }
      }
      const result = await saveHealthFileAction({ ...input, ...uploads });
      if (result.status === "error") {
        const fieldErrors: Record<string, string> = {};
        for (const [name, message] of Object.entries(result.fieldErrors ?? {})) fieldErrors[fieldOf(name)] ??= message;
        refuse(result.message ?? INVALID_FORM, fieldErrors);
        return;
      }
      setFiles({});
      setRound((r) => r + 1);
      setState(result);
    });
  }

  /** The documents already on file, then the field that adds one; a new round empties it after a save. */
  const fileField = (key: FileKey, documents: ReactNode, text: { label: string; hint: string }) => (
    <div className="space-y-2">
      {documents}
      <FileField
        key={`${key}-${round}`}
        id={FILES[key]}
        label={text.label}
        hint={text.hint}
        camera
        maxBytes={maxBytes}
        error={fileErrors[key]}
        progress={pending && files[key] ? uploader.progress : null}
        onFileChange={(file) => {
          setFiles((f) => ({ ...f, [key]: file }));
          setFileErrors((e) => ({ ...e, [key]: undefined }));
        }}
      />
    </div>
  );

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <ErrorSummary state={state} fieldIds={FIELD_IDS} />
      {state.status === "success" && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <RequiredNote />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Médecin traitant" error={errors.doctorName}>
          {(p) => <Input {...p} name="doctorName" autoComplete="off" defaultValue={initial.doctorName} />}
        </Field>
        <Field label="Téléphone du médecin" error={errors.doctorPhone}>
          {(p) => <Input {...p} name="doctorPhone" type="tel" autoComplete="off" defaultValue={initial.doctorPhone} />}
        </Field>
      </div>

      <fieldset className="space-y-2" aria-describedby={errors.dietIds ? "health-diets-error" : undefined}>
        <legend className="text-sm font-semibold text-slate-800">Régimes alimentaires</legend>
        {dietOptions.length === 0 ? <p className="text-sm text-slate-700">Aucun régime n&apos;est proposé par le service.</p> : null}
        <div className="grid gap-2 sm:grid-cols-2">
          {dietOptions.map((diet, i) => (
            <label key={diet.id} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-slate-300 px-3">
              <input
                type="checkbox"
                id={`health-diet-${i}`}
                name="dietIds"
                value={diet.id}
                defaultChecked={initial.dietIds.includes(diet.id)}
                className="size-5"
              />
              {diet.label}
            </label>
          ))}
        </div>
        {errors.dietIds ? (
          <p id="health-diets-error" className="text-sm font-medium text-danger-700">
            {errors.dietIds}
          </p>
        ) : null}
      </fieldset>

      <YesNo
        idPrefix="health-vaccins"
        name="vaccinationsUpToDate"
        legend="Vaccinations à jour"
        required
        defaultValue={initial.vaccinationsUpToDate}
        error={errors.vaccinationsUpToDate}
      />
      {fileField("vaccinationsFile", vaccinationDocuments, {
        label: "Carnet de vaccination (page des vaccinations)",
        hint: "PDF ou photo. Sur un téléphone, « Prendre une photo » ouvre l'appareil photo.",
      })}

      <Field label="Remarques" hint="Ce que l'équipe doit savoir (lunettes, traitement en cours…)." error={errors.remarks}>
        {(p) => <Textarea {...p} name="remarks" rows={3} defaultValue={initial.remarks} />}
      </Field>

      <fieldset className="space-y-4 rounded-md border border-slate-300 p-3 sm:p-4">
        <legend className="px-1 text-base font-semibold text-slate-900">Allergies et PAI</legend>
        <p className="text-sm text-slate-700">Le service vérifie ces informations avant qu&apos;elles ne s&apos;appliquent.</p>
        {awaitingReview}
        <Field label="Allergies" hint="Aliments, médicaments ou autres ; laissez vide s'il n'y en a pas." error={errors.allergies}>
          {(p) => <Textarea {...p} name="allergies" rows={3} defaultValue={initial.allergies} />}
        </Field>
        <YesNo idPrefix="health-pai" name="pai" legend="PAI (projet d'accueil individualisé)" required defaultValue={initial.pai} error={errors.pai} />
        <Field label="PAI valable jusqu'au" hint="Si l'enfant a un PAI : la date de fin indiquée sur le document." error={errors.paiValidUntil}>
          {(p) => <Input {...p} name="paiValidUntil" type="date" defaultValue={initial.paiValidUntil} />}
        </Field>
        {fileField("paiFile", paiDocuments, { label: "PAI signé", hint: "Obligatoire pour un nouveau PAI ou une nouvelle date de fin." })}
      </fieldset>

      <button type="submit" className={buttonClass("primary", "w-full sm:w-auto")} disabled={pending} aria-disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer la fiche santé"}
      </button>
    </form>
  );
}
