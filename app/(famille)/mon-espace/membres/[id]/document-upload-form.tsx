"use client";

import { useId, useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonClass } from "@/components/ui/button";
import { RequiredNote } from "@/components/ui/field";
import { FileField, useDocumentUpload } from "@/components/upload";
import { INVALID_FORM, type FormState } from "@/lib/forms";
import { addDocumentAction } from "../../actions";

/**
 * "+ Ajouter un autre fichier" or "Remplacer le fichier": a button that
 * opens a file field and "Envoi". The file goes up first, then the action
 * attaches it (and, for a replacement, retires the old version). A refusal
 * lands on the error summary, whose link leads back to the file field.
 */
export function DocumentUploadForm({
  personId,
  typeId,
  typeLabel,
  replacesId,
  triggerLabel,
  uploadDriver,
  maxBytes,
}: {
  personId: string;
  typeId: string;
  typeLabel: string;
  replacesId?: string;
  triggerLabel: string;
  uploadDriver: "local" | "uploadthing";
  maxBytes: number;
}) {
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [state, setState] = useState<FormState>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const uploader = useDocumentUpload(uploadDriver, { maxBytes });
  const fieldId = useId();
  const panelId = `${fieldId}-panel`;
  // Whatever the refusal names (the file, its claim), it is about the one file field.
  const fieldIds = { file: fieldId, fileId: fieldId, claim: fieldId, fileClaim: fieldId };
  const refuse = (message: string, error: string) => {
    setFileError(error);
    setState({ status: "error", message, fieldErrors: { file: error } });
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    if (!file) {
      refuse(INVALID_FORM, "Choisissez un fichier.");
      return;
    }
    startTransition(async () => {
      setFileError(undefined);
      setState({ status: "idle" });
      let receipt;
      try {
        receipt = await uploader.upload(file);
      } catch (error) {
        refuse("Le fichier n'a pas pu être envoyé : corrigez-le puis recommencez.", error instanceof Error ? error.message : "L'envoi du fichier a échoué.");
        return;
      }
      const result = await addDocumentAction({ personId, typeId, replacesId: replacesId ?? "", ...receipt });
      setState(result);
      if (result.status === "success") {
        setOpen(false);
        setFile(null);
      }
    });
  }

  return (
    <div className="space-y-2">
      {state.status === "success" ? <Alert tone="success">{state.message}</Alert> : null}
      <button
        type="button"
        className={buttonClass(replacesId ? "ghost" : "secondary", "min-h-9 px-3 py-1")}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        {triggerLabel}
        <span className="sr-only"> : {typeLabel}</span>
      </button>
      <div id={panelId} hidden={!open}>
        {open ? (
          <form noValidate onSubmit={onSubmit} className="space-y-3 rounded-md border border-slate-200 p-3">
            <ErrorSummary state={state} fieldIds={fieldIds} />
            <RequiredNote />
            <FileField
              id={fieldId}
              label={replacesId ? `Nouvelle version : ${typeLabel}` : `Fichier : ${typeLabel}`}
              required
              camera
              maxBytes={maxBytes}
              error={fileError}
              progress={uploader.progress}
              onFileChange={(f) => {
                setFile(f);
                setFileError(undefined);
              }}
            />
            <button type="submit" className={buttonClass("primary")} disabled={pending} aria-disabled={pending}>
              {pending ? "Envoi en cours…" : "Envoi"}
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
