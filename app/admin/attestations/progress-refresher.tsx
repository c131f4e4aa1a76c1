"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While a batch runs, the page asks the server again every 3 seconds (only while the tab is visible) to show its progress. */
export function ProgressRefresher() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, 3000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
