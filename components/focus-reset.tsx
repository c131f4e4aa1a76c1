"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation the focus would stay on the link that was
 * followed, deep in the old page's place: a keyboard user's next Tab would
 * land in the middle of the new page. Like a full page load, the focus goes
 * back to the start of the document, so the next Tab is "Aller au contenu".
 * Not on the first render: a page load already starts there.
 */
export function FocusReset() {
  const pathname = usePathname();
  const start = useRef<HTMLSpanElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    // A page that puts the focus somewhere itself (an error summary, a dialog) keeps it.
    if (document.activeElement && document.activeElement !== document.body && !document.activeElement.closest("a, button")) return;
    start.current?.focus({ preventScroll: true });
  }, [pathname]);
  return <span ref={start} tabIndex={-1} className="sr-only" />;
}
