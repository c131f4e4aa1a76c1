"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Asks the server again every few seconds while PayFiP's result is not known. */
export function Refresher({ everyMs = 3000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
