"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { FileField, useDocumentUpload } from "@/components/upload";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { NewWindowMark } from "@/components/ui/new-window";
import { Field, Input, RequiredNote, Select } from "@/components/ui/field";
import { type RegistrationFormInput, type RegistrationFormValues, RegistrationFormSchema } from "@/lib/accounts/schemas";
import { CIVILITY_LABELS, labelOptions } from "@/lib/format";
import { idle, INVALID_FORM, type FormState } from "@/lib/forms";
import { registerAction } from "./actions";

const MISSING_DOCUMENT = "La pièce d'identité est obligatoire.";

/** The file field has no name to be found by: the document's errors, whatever their key, lead to it. */
const FIELD_IDS = { document: "identity-document", fileId: "identity-document", fileClaim: "identity-document" };

/** The summary lists errors in the order of the fields on the page. */
const FIELD_ORDER = ["civility", "birthDate", "lastName", "firstName", "phone", "mobile", "email", "document", "fileId", "fileClaim", "password", "passwordConfirmation", "acceptCgu"];

/** The summary's state at a refused submit: the browser's checks and, once sent, the server's answer, in one list. */
function summaryOf(message: string, errors: Record<string, string | undefined>): FormState {
  const fieldErrors = Object.fromEntries(
    Object.entries(errors)
      .filter((entry): entry is [string, string] => Boolean(entry[1]))
      .sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b)),
  );
  return { status: "error", message, fieldErrors };
}

const messagesOf = (errors: FieldErrors<RegistrationFormInput>) =>
  Object.fromEntries(Object.entries(errors).map(([name, error]) => [name, error?.message as string | undefined]));

export function RegistrationForm({ uploadDriver, maxBytes }: { uploadDriver: "local" | "uploadthing"; maxBytes: number }) {
  const form = useForm({
    resolver: zodResolver(RegistrationFormSchema),
    defaultValues: { phone: "", mobile: "", acceptCgu: false },
    // The error summary takes the focus, not the first field in error (which would skip the list of what is wrong).
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [summary, setSummary] = useState<FormState>(idle);
  const [pending, startTransition] = useTransition();
  const uploader = useDocumentUpload(uploadDriver);
  const busy = pending || uploader.status === "uploading";

  const onValid = (values: RegistrationFormValues) => {
    if (!file) {
      setFileError(MISSING_DOCUMENT);
      setSummary(summaryOf(INVALID_FORM, { document: MISSING_DOCUMENT }));
      return;
    }
    startTransition(async () => {
      setSummary(idle);
      let uploaded;
      try {
        uploaded = await uploader.upload(file);
      } catch (error) {
        const message = error instanceof Error ? error.message : "L'envoi du fichier a échoué. Réessayez.";
        setFileError(message);
        setSummary(summaryOf("La pièce d'identité n'a pas pu être envoyée :", { document: message }));
        return;
      }
      const state = await registerAction({ ...values, fileId: uploaded.fileId, fileClaim: uploaded.claim });
      if (state.status !== "error") return;
      setSummary(summaryOf(state.message ?? INVALID_FORM, state.fieldErrors ?? {}));
      for (const [name, message] of Object.entries(state.fieldErrors ?? {})) {
        if (name === "fileId" || name === "fileClaim") setFileError(message);
        else form.setError(name as keyof RegistrationFormInput, { message });
      }
    });
  };

  const onInvalid = (errors: FieldErrors<RegistrationFormInput>) => {
    if (!file) setFileError(MISSING_DOCUMENT);
    setSummary(summaryOf(INVALID_FORM, { ...messagesOf(errors), document: file ? fileError : MISSING_DOCUMENT }));
  };

  const fieldError = (name: keyof RegistrationFormInput) => errors[name]?.message as string | undefined;

  return (
    <form
      noValidate
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      onSubmit={form.handleSubmit(onValid, onInvalid)}
    >
      <ErrorSummary state={summary} fieldIds={FIELD_IDS} />
      <RequiredNote />

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Civ." required error={fieldError("civility")}>
          {(p) => (
            <Select {...p} {...form.register("civility")} defaultValue="">
              <option value="" disabled>
                Choisir…
              </option>
              {labelOptions(CIVILITY_LABELS).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Date de Naissance" required error={fieldError("birthDate")}>
          {(p) => <Input {...p} type="date" autoComplete="bday" {...form.register("birthDate")} />}
        </Field>
        <Field label="Nom de famille" required error={fieldError("lastName")}>
          {(p) => <Input {...p} autoComplete="family-name" placeholder="NOM" {...form.register("lastName")} />}
        </Field>
        <Field label="Prénom" required error={fieldError("firstName")}>
          {(p) => <Input {...p} autoComplete="given-name" placeholder="Prénom" {...form.register("firstName")} />}
        </Field>
        <Field label="Téléphone" error={fieldError("phone")} hint="Fixe ou portable : un seul est requis.">
          {(p) => <Input {...p} type="tel" autoComplete="tel" placeholder="04 68 68 68 68" {...form.register("phone")} />}
        </Field>
        <Field label="Tel. Portable" error={fieldError("mobile")}>
          {(p) => <Input {...p} type="tel" autoComplete="mobile tel" placeholder="06 06 06 06 06" {...form.register("mobile")} />}
        </Field>
      </div>
      <Field label="Mail" required error={fieldError("email")}>
        {(p) => <Input {...p} type="email" autoComplete="email" placeholder="dupont@gmail.com" {...form.register("email")} />}
      </Field>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-800">Liste des documents requis :</legend>
        <FileField
          id="identity-document"
          label="Carte d'identité :"
          hint="Photo ou PDF de votre carte d'identité ou de votre passeport (JPEG, PNG, WebP ou PDF)."
          required
          maxBytes={maxBytes}
          error={fileError}
          progress={uploader.progress}
          onFileChange={(f: File | null) => {
            setFile(f);
            setFileError(undefined);
          }}
        />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Mot de passe" required error={fieldError("password")} hint="Au moins 10 caractères, dont une lettre et un chiffre.">
          {(p) => <Input {...p} type="password" autoComplete="new-password" {...form.register("password")} />}
        </Field>
        <Field label="Confirmation du mot de passe" required error={fieldError("passwordConfirmation")}>
          {(p) => <Input {...p} type="password" autoComplete="new-password" {...form.register("passwordConfirmation")} />}
        </Field>
      </div>

      <div className="space-y-1">
        <div className="flex items-start gap-3">
          <input
            id="accept-cgu"
            type="checkbox"
            className="mt-1 h-5 w-5 shrink-0"
            aria-required="true"
            aria-invalid={errors.acceptCgu ? true : undefined}
            aria-describedby={errors.acceptCgu ? "accept-cgu-error" : undefined}
            {...form.register("acceptCgu")}
          />
          <label htmlFor="accept-cgu" className="text-sm text-slate-800">
            Je certifie avoir pris connaissance des{" "}
            {/* A new tab on purpose: following the link must not lose a half-filled form. */}
            <Link href="/cgu" target="_blank" className="font-semibold text-brand-700 underline">
              conditions générales d&apos;utilisation
              <NewWindowMark />
            </Link>{" "}
            relatives au <strong>Portail Citoyen Famille</strong>
            <span className="text-danger-700" aria-hidden="true">
              {" "}
              *
            </span>
          </label>
        </div>
        {errors.acceptCgu ? (
          <p id="accept-cgu-error" className="text-sm font-medium text-danger-700">
            {errors.acceptCgu.message as string}
          </p>
        ) : null}
      </div>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <ButtonLink href="/connexion" variant="secondary">
          Annuler
        </ButtonLink>
        <button type="submit" className={buttonClass("primary")} disabled={busy} aria-disabled={busy}>
          {busy ? "Création du compte…" : "Créer son compte"}
        </button>
      </div>
    </form>
  );
}
