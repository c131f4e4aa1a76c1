"use client";

import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonClass } from "@/components/ui/button";
import { Field, Input, RequiredNote, Select, Textarea } from "@/components/ui/field";
import { FileField, useDocumentUpload } from "@/components/upload";
import { INVALID_FORM, type FormState } from "@/lib/forms";
import type { RequestTypeDto } from "@/lib/requests";
import { submitRequestAction } from "../../actions";

type Member = { id: string; name: string; quality: string };

const MAX_FILES = 5;

const fileKey = (slot: number) => `file-${slot}`;

/**
 * A démarche: the member it concerns (chosen in a dialog when the type
 * needs one), the type's fields, the files, then "Envoi". Files are uploaded
 * only once the form is complete, then attached by the action together with
 * the request; the submission key makes a second click find the first
 * request rather than make another. A refusal, the browser's or the
 * server's, lands on the summary at the top (on a phone the fields in error
 * may be far below the button), each error linking to its field.
 */
export function RequestForm({
  type,
  members,
  uploadDriver,
  maxBytes,
  submissionKey,
}: {
  type: RequestTypeDto;
  members: Member[];
  uploadDriver: "local" | "uploadthing";
  maxBytes: number;
  submissionKey: string;
}) {
  const [personId, setPersonId] = useState<string | null>(null);
  const [slots, setSlots] = useState<number[]>([0]);
  const [files, setFiles] = useState<Record<number, File | null>>({});
  const [fileErrors, setFileErrors] = useState<Record<number, string>>({});
  const [state, setState] = useState<FormState>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const uploader = useDocumentUpload(uploadDriver, { maxBytes });
  const dialog = useRef<HTMLDialogElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const dialogTitle = useId();
  const errors = state.fieldErrors ?? {};
  const chosen = members.find((m) => m.id === personId) ?? null;
  const needsFile = type.documentTypes.length > 0;
  // The member is chosen with a button and a file field has no name: their errors lead to them by id.
  const fieldIds: Record<string, string> = { personId: "member-choose", ...Object.fromEntries(slots.map((s) => [fileKey(s), fileKey(s)])) };

  /** The summary's state: the member, then the fields, then the files, as on the page. */
  function refusal(message: string, fields: Record<string, string>, files: Record<number, string>): FormState {
    const fieldErrors: Record<string, string> = {};
    if (fields.personId) fieldErrors.personId = fields.personId;
    for (const field of type.fields) if (fields[`data.${field.name}`]) fieldErrors[`data.${field.name}`] = fields[`data.${field.name}`];
    for (const [name, text] of Object.entries(fields)) fieldErrors[name] ??= text;
    for (const slot of slots) if (files[slot]) fieldErrors[fileKey(slot)] = files[slot];
    return { status: "error", message, fieldErrors };
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const data: Record<string, string> = {};
    for (const field of type.fields) data[field.name] = String(form.get(`data.${field.name}`) ?? "");
    const picked = slots.map((slot) => ({ slot, file: files[slot] })).filter((p): p is { slot: number; file: File } => !!p.file);
    const localErrors: Record<string, string> = {};
    if (type.needsMember && !personId) localErrors.personId = "Choisissez le membre de la famille concerné.";
    for (const field of type.fields) {
      if (field.required && !data[field.name].trim()) localErrors[`data.${field.name}`] = `Renseignez le champ « ${field.label} ».`;
    }
    const missingFile: Record<number, string> = needsFile && picked.length === 0 ? { [slots[0]]: "Joignez le justificatif demandé." } : {};
    if (Object.keys(localErrors).length > 0 || Object.keys(missingFile).length > 0) {
      setFileErrors(missingFile);
      setState(refusal(INVALID_FORM, localErrors, missingFile));
      return;
    }
    startTransition(async () => {
      setState({ status: "idle" });
      setFileErrors({});
      const uploads = [];
      for (const { slot, file } of picked) {
        try {
          uploads.push(await uploader.upload(file));
        } catch (error) {
          const failed = { [slot]: error instanceof Error ? error.message : "L'envoi du fichier a échoué." };
          setFileErrors(failed);
          setState(refusal("Un fichier n'a pas pu être envoyé : corrigez-le puis recommencez.", {}, failed));
          return;
        }
      }
      const result = await submitRequestAction({ typeCode: type.code, personId: personId ?? "", submissionKey, data, uploads });
      if (result.status !== "error") return;
      const fieldErrors: Record<string, string> = {};
      const refusedFiles: Record<number, string> = {};
      for (const [name, message] of Object.entries(result.fieldErrors ?? {})) {
        if (name === "files" || name.startsWith("uploads")) refusedFiles[slots[0]] = message;
        else fieldErrors[name === "personId" ? name : `data.${name}`] = message;
      }
      setFileErrors(refusedFiles);
      setState(refusal(result.message ?? INVALID_FORM, fieldErrors, refusedFiles));
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <ErrorSummary state={state} fieldIds={fieldIds} />
      {type.needsMember || needsFile || type.fields.some((f) => f.required) ? <RequiredNote /> : null}

      {type.needsMember ? (
        <div className="space-y-2">
          <p id="member-label" className="text-sm font-semibold text-slate-800">
            Membre de la famille concerné
            <span className="text-danger-700" aria-hidden="true">
              {" "}
              *
            </span>
          </p>
          <p id="member-value" className="text-sm text-slate-700" aria-live="polite">
            {chosen ? `${chosen.name} (${chosen.quality})` : "Aucun membre choisi"}
          </p>
          <button
            ref={chooseButton}
            id="member-choose"
            type="button"
            className={buttonClass("secondary")}
            aria-describedby={`member-value${errors.personId ? " member-error" : ""}`}
            onClick={() => dialog.current?.showModal()}
          >
            {chosen ? "Changer de membre" : "Choisir le membre de la famille"}
          </button>
          {errors.personId ? (
            <p id="member-error" className="text-sm font-medium text-danger-700">
              {errors.personId}
            </p>
          ) : null}
          <dialog
            ref={dialog}
            aria-labelledby={dialogTitle}
            className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
            onClose={() => chooseButton.current?.focus()}
          >
            <div className="space-y-4 p-5">
              <h2 id={dialogTitle} className="text-lg font-semibold">
                Choisir le membre de la famille
              </h2>
              <fieldset className="space-y-2">
                <legend className="sr-only">Membre de la famille</legend>
                {members.map((member) => (
                  <label key={member.id} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-slate-300 px-3 py-2">
                    <input
                      type="radio"
                      name="member-choice"
                      value={member.id}
                      defaultChecked={member.id === personId}
                      onChange={() => setPersonId(member.id)}
                      className="size-5"
                    />
                    <span>
                      {member.name} <span className="text-sm text-slate-600">({member.quality})</span>
                    </span>
                  </label>
                ))}
              </fieldset>
              <div className="flex justify-end gap-2">
                <button type="button" className={buttonClass("primary")} onClick={() => dialog.current?.close()}>
                  Valider
                </button>
              </div>
            </div>
          </dialog>
        </div>
      ) : null}

      {type.fields.map((field) => {
        const name = `data.${field.name}`;
        const error = errors[name];
        return (
          <Field key={field.name} label={field.label} required={field.required} error={error}>
            {(p) =>
              field.type === "textarea" ? (
                <Textarea {...p} name={name} rows={4} required={field.required} />
              ) : field.type === "select" ? (
                <Select {...p} name={name} defaultValue="" required={field.required}>
                  <option value="">Choisir…</option>
                  {field.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input
                  {...p}
                  name={name}
                  type={field.type === "date" ? "date" : "text"}
                  inputMode={field.inputMode ?? (field.type === "number" ? "numeric" : undefined)}
                  autoComplete={field.autoComplete}
                  required={field.required}
                />
              )
            }
          </Field>
        );
      })}

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">
          Pièces justificatives{type.documentTypes.length ? ` : ${type.documentTypes.map((d) => d.label).join(", ")}` : ""}
        </legend>
        {slots.map((slot, index) => (
          <FileField
            key={slot}
            id={fileKey(slot)}
            label={index === 0 ? "Fichier" : `Fichier ${index + 1}`}
            hint="PDF ou photo (JPEG, PNG, WebP, HEIC). Sur un téléphone, « Prendre une photo » ouvre l'appareil photo."
            required={needsFile && index === 0}
            camera
            maxBytes={maxBytes}
            error={fileErrors[slot]}
            progress={pending && files[slot] ? uploader.progress : null}
            onFileChange={(file) => {
              setFiles((current) => ({ ...current, [slot]: file }));
              setFileErrors((current) => ({ ...current, [slot]: "" }));
            }}
          />
        ))}
        {slots.length < MAX_FILES ? (
          <button
            type="button"
            className={buttonClass("ghost")}
            onClick={() => setSlots((current) => [...current, Math.max(...current) + 1])}
          >
            + Ajouter un autre fichier
          </button>
        ) : null}
      </fieldset>

      <button type="submit" className={buttonClass("primary")} disabled={pending} aria-disabled={pending}>
        {pending ? "Envoi en cours…" : "Envoi"}
      </button>
    </form>
  );
}
