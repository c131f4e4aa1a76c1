import type { ReactNode } from "react";

const tones = {
  info: "border-brand-600 bg-brand-50 text-brand-800",
  success: "border-ok-700 bg-green-50 text-ok-700",
  warning: "border-amber-600 bg-amber-50 text-warn-800",
  error: "border-danger-700 bg-red-50 text-danger-700",
} as const;

/**
 * A message box. Errors are announced (role="alert"), other tones politely
 * (role="status"). Next's route announcer is also an alert: tests scope to
 * the `data-alert` attribute.
 */
export function Alert({
  tone = "info",
  title,
  children,
}: {
  tone?: keyof typeof tones;
  title?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-alert={tone}
      className={`rounded-md border-l-4 p-4 text-sm ${tones[tone]}`}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : ""}>{children}</div> : null}
    </div>
  );
}
