import type { ReactNode } from "react";

/**
 * On a phone a wide table scrolls sideways inside this region. A scrollable
 * region must be reachable by keyboard (axe: scrollable-region-focusable),
 * hence the tabIndex and the name.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      {children}
    </div>
  );
}

export const thClass = "whitespace-nowrap px-3 py-2 text-left text-sm font-semibold text-slate-800";
export const tdClass = "px-3 py-2 align-top text-sm text-slate-800";
export const captionClass = "px-3 py-2 text-left text-base font-semibold text-slate-900";
