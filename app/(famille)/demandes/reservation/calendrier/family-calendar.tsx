"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import type { CalendarCell, CalendarRow, FamilyCalendarDto } from "@/lib/bookings/calendar";

// The month as a phone shows it: weeks stacked, one row per day, one large
// toggle per child and product. The form says what the family wants (every
// ticked day of the rows shown); the Résumé shows what changes before
// anything is held, cancelled or paid. Without JavaScript the toggles are
// plain checkboxes and the form still works; the shortcuts need it.

const WEEKDAYS = ["", "lundis", "mardis", "mercredis", "jeudis", "vendredis", "samedis", "dimanches"];
const WEEKDAY_SHORT = ["", "Lun", "Mar", "Mer", "Jeu", "Ven", "Sam", "Dim"];

const STATIC_WORDS: Record<Exclude<CalendarCell["state"], "available" | "booked" | "held">, string> = {
  full: "Complet",
  offered: "Place proposée",
  waitlist: "Liste d'attente",
  campaign: "Sur demande",
  past: "Délai dépassé",
  closed: "Fermé",
  absent: "Absent",
  ineligible: "Non éligible",
};

type Props = { calendar: FamilyCalendarDto };

export function FamilyCalendar({ calendar }: Props) {
  const { rows, weeks, month } = calendar;
  const days = useMemo(() => weeks.flatMap((w) => w.days), [weeks]);
  const booked = useMemo(() => {
    const set = new Set<string>();
    for (const d of days) for (const r of rows) if (d.cells[r.key]?.state === "booked") set.add(`${r.key}|${d.day}`);
    return set;
  }, [days, rows]);
  const free = (r: CalendarRow, keep: (weekday: number) => boolean) =>
    days.filter((d) => d.cells[r.key]?.state === "available" && keep(d.weekday)).map((d) => `${r.key}|${d.day}`);

  // A month nothing is booked in yet starts from the child's semaine type,
  // once: the calendar is keyed by month, and a semaine type saved while it
  // is open must not re-tick what the parent has just unticked.
  const [prefilled] = useState(() =>
    rows.filter((r) => r.untouched && r.pattern?.length).map((r) => ({ row: r, ticks: free(r, (w) => r.pattern!.includes(w)) })),
  );
  const [wanted, setWanted] = useState<Set<string>>(() => new Set([...booked, ...prefilled.flatMap((p) => p.ticks)]));
  const [said, setSaid] = useState("");

  const added = [...wanted].filter((k) => !booked.has(k)).length;
  const removed = [...booked].filter((k) => !wanted.has(k)).length;

  const toggle = (key: string, on: boolean) =>
    setWanted((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  // Shortcuts only add days still bookable; booked days stay as they are.
  const apply = (r: CalendarRow, keys: string[], what: string) => {
    const fresh = keys.filter((k) => !wanted.has(k));
    setWanted((prev) => new Set([...prev, ...keys]));
    setSaid(
      fresh.length === 0
        ? `${what} pour ${r.childFirstName} : aucun jour de plus à cocher.`
        : `${what} pour ${r.childFirstName} : ${fresh.length} jour${fresh.length > 1 ? "s" : ""} coché${fresh.length > 1 ? "s" : ""}.`,
    );
  };
  const reset = (r: CalendarRow) => {
    const prefix = `${r.key}|`;
    setWanted((prev) => {
      const next = new Set([...prev].filter((k) => !k.startsWith(prefix)));
      for (const k of booked) if (k.startsWith(prefix)) next.add(k);
      return next;
    });
    setSaid(`${r.childFirstName} : la sélection revient aux jours déjà réservés.`);
  };
  const multiProduct = new Set(rows.map((r) => r.productId)).size > 1;
  const rowName = (r: CalendarRow) => (multiProduct ? `${r.childFirstName} — ${r.productName}` : r.childFirstName);

  return (
    <div className="space-y-4">
      {prefilled.some((p) => p.ticks.length) ? (
        <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-3 text-sm text-brand-800">
          Semaine type appliquée :{" "}
          {prefilled
            .filter((p) => p.ticks.length)
            .map((p) => `${rowName(p.row)} (${p.ticks.length} jour${p.ticks.length > 1 ? "s" : ""})`)
            .join(", ")}
          . Vérifiez puis cliquez sur « Envoi ».
        </p>
      ) : null}

      <section aria-labelledby="shortcuts-title" className="space-y-2">
        <h3 id="shortcuts-title" className="font-semibold">
          Raccourcis
        </h3>
        {rows.map((r) => {
          const weekdays = [...new Set(days.filter((d) => d.cells[r.key]?.state === "available").map((d) => d.weekday))].sort();
          return (
            <details key={r.key} className="rounded-md border border-slate-200 bg-white">
              <summary className="flex min-h-11 cursor-pointer items-center px-3 font-semibold">Cocher pour {rowName(r)}</summary>
              <div className="flex flex-wrap gap-2 border-t border-slate-200 p-3">
                {weekdays.length === 0 ? <p className="text-sm text-slate-700">Aucun jour libre ce mois-ci.</p> : null}
                {weekdays.map((w) => (
                  <ShortcutButton key={w} onClick={() => apply(r, free(r, (d) => d === w), `Tous les ${WEEKDAYS[w]}`)}>
                    Tous les {WEEKDAYS[w]}
                  </ShortcutButton>
                ))}
                {weekdays.length > 0 ? (
                  <ShortcutButton onClick={() => apply(r, free(r, () => true), "Tout le mois")}>Tout le mois</ShortcutButton>
                ) : null}
                {weekdays.length > 0 && r.lastMonthWeekdays.length > 0 ? (
                  <ShortcutButton onClick={() => apply(r, free(r, (d) => r.lastMonthWeekdays.includes(d)), "Comme le mois dernier")}>
                    Comme le mois dernier
                  </ShortcutButton>
                ) : null}
                {weekdays.length > 0 && r.pattern?.length ? (
                  <ShortcutButton onClick={() => apply(r, free(r, (d) => r.pattern!.includes(d)), "Semaine type")}>
                    Semaine type ({r.pattern.map((d) => WEEKDAY_SHORT[d]).join(", ")})
                  </ShortcutButton>
                ) : null}
                <ShortcutButton onClick={() => reset(r)}>Tout décocher</ShortcutButton>
              </div>
            </details>
          );
        })}
        <p aria-live="polite" className="min-h-5 text-sm text-slate-700">
          {said}
        </p>
      </section>

      <form action="/demandes/reservation/resume" method="get" className="space-y-4">
        <input type="hidden" name="mois" value={month} />
        {rows.map((r) => (
          <input key={r.key} type="hidden" name="r" value={r.key} />
        ))}
        {weeks.map((week) => (
          <section key={week.label} aria-label={week.label} className="rounded-lg border border-slate-200 bg-white">
            <h3 className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm font-semibold">{week.label}</h3>
            <ul className="divide-y divide-slate-200">
              {week.days.map((d) => (
                <li key={d.day} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-start">
                  <p className="shrink-0 font-semibold capitalize sm:w-28">{d.longLabel}</p>
                  <div className="grid flex-1 grid-cols-[repeat(auto-fit,minmax(min(100%,8rem),1fr))] gap-2 sm:grid-cols-2 lg:grid-cols-3">
                    {rows.map((r) => {
                      const cell = d.cells[r.key];
                      if (!cell) return null;
                      const key = `${r.key}|${d.day}`;
                      return <DayToggle key={key} value={key} cell={cell} name={rowName(r)} fullLabel={`${r.childFirstName}, ${r.productName}, ${d.longLabel}`} checked={wanted.has(key)} onChange={toggle} />;
                    })}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <div data-sticky-bottom className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 bg-white/95 px-4 py-3">
          <p className="text-sm" aria-live="polite">
            <strong>{added}</strong> jour{added > 1 ? "s" : ""} à réserver
            {removed ? (
              <>
                , <strong>{removed}</strong> à annuler
              </>
            ) : null}
          </p>
          <button type="submit" className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand-700 px-6 py-2 font-semibold text-white hover:bg-brand-800">
            Envoi
          </button>
        </div>
      </form>
    </div>
  );
}

function ShortcutButton({ onClick, children }: { onClick: () => void; children: React.ReactNode }) {
  return (
    <button type="button" onClick={onClick} className="min-h-11 rounded-md border border-brand-700 bg-white px-3 text-sm font-semibold text-brand-700 hover:bg-brand-50">
      {children}
    </button>
  );
}

/** One child and product on one day: a large toggle when it can change, its state in words otherwise. */
function DayToggle({
  value,
  cell,
  name,
  fullLabel,
  checked,
  onChange,
}: {
  value: string;
  cell: CalendarCell;
  name: string;
  fullLabel: string;
  checked: boolean;
  onChange: (key: string, on: boolean) => void;
}) {
  const id = `c-${value.replaceAll("|", "-")}`;
  if (cell.state === "available" || (cell.state === "booked" && cell.cancellable)) {
    const wasBooked = cell.state === "booked";
    const word = wasBooked ? (checked ? "Réservé" : "À annuler") : checked ? "À réserver" : "Libre";
    const tone = wasBooked
      ? checked
        ? "border-ok-700 bg-green-50 text-ok-700"
        : "border-danger-700 bg-red-50 text-danger-700 line-through"
      : checked
        ? "border-brand-700 bg-brand-50 text-brand-800"
        : "border-slate-500 bg-white text-slate-800";
    return (
      <label htmlFor={id} className={`flex min-h-11 cursor-pointer items-center gap-3 rounded-md border-2 px-3 py-2 focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-brand-700 ${tone}`}>
        <input
          id={id}
          type="checkbox"
          name="j"
          value={value}
          checked={checked}
          onChange={(e) => onChange(value, e.target.checked)}
          aria-label={fullLabel}
          aria-describedby={`${id}-state`}
          className="size-6 shrink-0 accent-brand-700"
        />
        <span className="min-w-0">
          <span className="block font-semibold break-words" aria-hidden="true">
            {name}
          </span>
          <span id={`${id}-state`} className="block text-sm">
            {word}
          </span>
        </span>
      </label>
    );
  }
  const link = waitlistLink(cell, value.split("|")[0]);
  if (link) {
    return (
      <Link href={link.href} prefetch={false} className={`flex min-h-11 flex-col justify-center rounded-md border-2 px-3 py-2 underline ${link.tone}`}>
        <span className="font-semibold">{name}</span>
        <span className="text-sm">
          <span className="sr-only">{fullLabel} : </span>
          {link.word}
        </span>
      </Link>
    );
  }
  if (cell.state === "held") {
    return (
      <Link
        href={`/demandes/reservation/attente/${cell.invoiceId}`}
        prefetch={false}
        className="flex min-h-11 flex-col justify-center rounded-md border-2 border-warn-800 bg-amber-50 px-3 py-2 text-warn-800 underline"
      >
        <span className="font-semibold">{name}</span>
        <span className="text-sm">
          <span className="sr-only">{fullLabel} : </span>En attente de paiement{cell.heldUntil ? ` jusqu'à ${cell.heldUntil}` : ""}
        </span>
      </Link>
    );
  }
  const word = cell.state === "booked" ? "Réservé" : cell.state === "absent" && cell.absencePending ? "Absent (à valider)" : STATIC_WORDS[cell.state];
  const tone = cell.state === "booked" ? "border-ok-700 bg-green-50 text-ok-700" : cell.state === "absent" ? "border-slate-400 bg-slate-100 text-slate-800" : "border-slate-200 bg-slate-50 text-slate-700";
  return (
    <p className={`flex min-h-11 flex-col justify-center rounded-md border-2 px-3 py-2 ${tone}`}>
      <span className="font-semibold">{name}</span>
      <span className="text-sm">
        <span className="sr-only">{fullLabel} : </span>
        {word}
      </span>
    </p>
  );
}

/**
 * The days a family cannot book first come but can still ask for: a full day
 * (join its waiting list), a day on the list or offered (the list's page),
 * a campaign's day (its request form).
 */
function waitlistLink(cell: CalendarCell, childId: string): { href: string; word: string; tone: string } | null {
  if (cell.state === "full" && cell.slotId) {
    return {
      href: `/demandes/reservation/liste-attente?creneau=${cell.slotId}&enfant=${childId}`,
      word: "Complet — m'inscrire sur la liste d'attente",
      tone: "border-slate-500 bg-white text-brand-800",
    };
  }
  if (cell.state === "waitlist") return { href: "/demandes/liste-attente", word: "Liste d'attente", tone: "border-slate-400 bg-slate-50 text-slate-800" };
  if (cell.state === "offered") return { href: "/demandes/liste-attente", word: "Place proposée", tone: "border-warn-800 bg-amber-50 text-warn-800" };
  if (cell.state === "campaign" && cell.campaign) {
    return { href: `/demandes/campagnes/${cell.campaign.id}`, word: "Sur demande", tone: "border-brand-700 bg-brand-50 text-brand-800" };
  }
  return null;
}
