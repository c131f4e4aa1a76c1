"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { parisTime } from "@/lib/dates";
import { timeLeftLabel, timeLeftSpoken } from "@/lib/format";

const secondsLeft = (until: number, now: number) => Math.max(0, Math.ceil((until - now) / 1000));

/**
 * "Places retenues jusqu'à 14:32" is in the server's HTML, so the deadline
 * reads before any script runs and without one. The clock under it ticks
 * every second but is hidden from screen readers; a separate polite live
 * region says the same whole minutes and so speaks at most once a minute, so
 * the page is not chatty, and two minutes before the end it warns. At zero
 * the page reloads from the server, which shows the hold as expired.
 */
export function Countdown({ until }: { until: string }) {
  const router = useRouter();
  const end = new Date(until).getTime();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);
  const left = now === null ? null : secondsLeft(end, now);
  const expired = left === 0;
  useEffect(() => {
    if (expired) router.refresh();
  }, [expired, router]);
  return (
    <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-warn-800">
      <p className="font-semibold">Places retenues jusqu&apos;à {parisTime(new Date(until))}</p>
      <p aria-hidden="true" className="text-sm tabular-nums">
        {left === null ? "\u00a0" : expired ? "Délai dépassé" : `Temps restant : ${timeLeftLabel(left)}`}
      </p>
      <p className="sr-only" aria-live="polite">
        {left === null ? "" : timeLeftSpoken(left)}
      </p>
    </div>
  );
}
