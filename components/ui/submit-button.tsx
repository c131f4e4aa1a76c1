"use client";

import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonVariant } from "./button";

/** Disabled while its form is submitting, so a double click sends one request. */
export function SubmitButton({
  children,
  pendingLabel = "Envoi en cours…",
  variant = "primary",
  className = "",
  pending: forcedPending,
  name,
  value,
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  className?: string;
  pending?: boolean;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  const busy = pending || forcedPending;
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={busy}
      aria-disabled={busy}
      className={buttonClass(variant, className)}
    >
      {busy ? pendingLabel : children}
    </button>
  );
}
