"use client";

import { useRef, useState, type ChangeEvent, type ReactNode } from "react";
import { ACCEPT_ATTRIBUTE } from "@/lib/files/messages";
import { formatFileSize } from "@/lib/format";
import { prepareFile } from "./prepare";

/**
 * A document field in the seed's look ("Choisir un fichier..." then
 * "Aucun fichier choisi" or the file's name), in French whatever the
 * browser's language. The native input stays the real control: it keeps the
 * keyboard focus, the label and the descriptions (a visible label styled as a
 * button opens it on click or tap, and shows the input's focus ring).
 *
 * On selection the file is checked and, for a large photo, downscaled, then
 * handed to `onFileChange` (null when refused, the message then shows here).
 * The parent keeps it and uploads it on submit with `useDocumentUpload`,
 * passing that hook's `progress` back in.
 */
export function FileField({
  id,
  label,
  hint,
  error,
  required,
  maxBytes,
  onFileChange,
  progress = null,
  describedBy,
  camera = false,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  maxBytes: number;
  onFileChange: (file: File | null) => void;
  progress?: number | null;
  /** Ids of other elements that describe the field (a form-level note). */
  describedBy?: string;
  /**
   * Adds "Prendre une photo": a second input with `capture`, which opens the
   * phone's camera directly. Kept apart from the main input because
   * `capture` there would stop a phone from choosing an existing file or a PDF.
   */
  camera?: boolean;
}) {
  const [chosen, setChosen] = useState<File | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const selection = useRef(0);

  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;
  const errorId = `${id}-error`;
  const shownError = localError ?? error;
  const descriptions = [hintId, statusId, shownError ? errorId : null, describedBy].filter(Boolean).join(" ");

  async function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const picked = input.files?.[0] ?? null;
    // A newer choice made while an older one is being prepared wins.
    const turn = ++selection.current;
    setLocalError(null);
    if (!picked) {
      setChosen(null);
      onFileChange(null);
      return;
    }
    setPreparing(true);
    const { file, error: refusal } = await prepareFile(picked, maxBytes);
    if (turn !== selection.current) return;
    setPreparing(false);
    if (refusal) {
      input.value = "";
      setChosen(null);
      setLocalError(refusal);
      onFileChange(null);
      return;
    }
    setChosen(file);
    onFileChange(file);
  }

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-semibold text-slate-800">
        {label}
        {required ? (
          <span className="text-danger-700" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      <p id={hintId} className="text-sm text-slate-600">
        {hint ? <>{hint} </> : null}
        Taille maximale : {formatFileSize(maxBytes)}.
      </p>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <input
          id={id}
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          required={required}
          aria-required={required || undefined}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={descriptions}
          onChange={handleChange}
          className="peer sr-only"
        />
        <label
          htmlFor={id}
          className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-500 bg-slate-100 px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-200 peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-aria-[invalid=true]:border-danger-700"
        >
          Choisir un fichier...
        </label>
        {camera ? (
          <>
            <input
              id={`${id}-camera`}
              type="file"
              accept="image/*"
              capture="environment"
              aria-describedby={descriptions}
              onChange={handleChange}
              className="peer/camera sr-only"
            />
            <label
              htmlFor={`${id}-camera`}
              className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-500 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100 peer-focus-visible/camera:outline-3 peer-focus-visible/camera:outline-offset-2 peer-focus-visible/camera:outline-brand-600"
            >
              Prendre une photo
            </label>
          </>
        ) : null}
        <span id={statusId} className="min-w-0 text-sm text-slate-700 [overflow-wrap:anywhere]" aria-live="polite">
          {preparing ? "Préparation du fichier…" : chosen ? `${chosen.name} (${formatFileSize(chosen.size)})` : "Aucun fichier choisi"}
        </span>
      </div>
      {progress !== null ? (
        <div className="flex items-center gap-3">
          <progress
            value={progress}
            max={100}
            aria-label={`Envoi du fichier : ${progress} %`}
            className="h-2 min-w-0 flex-1 appearance-none overflow-hidden rounded-full bg-slate-200 sm:max-w-xs [&::-moz-progress-bar]:bg-brand-700 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-700"
          />
          <span className="whitespace-nowrap text-sm tabular-nums text-slate-700" aria-hidden="true">
            {progress} %
          </span>
        </div>
      ) : null}
      {shownError ? (
        <p id={errorId} className="text-sm font-medium text-danger-700">
          {shownError}
        </p>
      ) : null}
    </div>
  );
}
