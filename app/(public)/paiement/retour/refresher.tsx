"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { startPolling } from "./poll";

/**
 * Asks the server again while PayFiP's result is not known: after 3, 5, 10
 * and 20 seconds, then every 30 seconds, only while the tab is visible, and
 * for about 10 minutes; then it stops and offers to check again by hand.
 */
export function Refresher() {
  const router = useRouter();
  // "auto" until the first give-up; "stopped" waits for the button;
  // "again" polls anew and keeps the button (where the focus is) in place.
  const [phase, setPhase] = useState<"auto" | "stopped" | "again">("auto");
  // Each "Vérifier à nouveau" starts a fresh round of checks.
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (phase === "stopped") return;
    return startPolling({
      refresh: () => router.refresh(),
      onGiveUp: () => setPhase("stopped"),
      isVisible: () => document.visibilityState === "visible",
      watchVisibility: (listener) => {
        document.addEventListener("visibilitychange", listener);
        return () => document.removeEventListener("visibilitychange", listener);
      },
    });
  }, [router, phase, round]);

  return (
    <div className="space-y-3 text-sm">
      <p role="status">
        {phase === "stopped"
          ? "Le résultat de votre paiement n'est pas encore connu et cette page a cessé de se mettre à jour. Vous recevrez un mail de confirmation dès que la DGFIP aura traité le paiement."
          : phase === "again"
            ? "Vérification en cours : cette page se met à jour d'elle-même."
            : null}
      </p>
      {phase !== "auto" ? (
        <Button
          variant="secondary"
          onClick={() => {
            router.refresh();
            setPhase("again");
            setRound((r) => r + 1);
          }}
        >
          Vérifier à nouveau
        </Button>
      ) : null}
    </div>
  );
}
