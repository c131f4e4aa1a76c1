import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/not-found-message";
import { PublicShell } from "@/components/public-shell";

export const metadata: Metadata = { title: "Page introuvable" };

/**
 * Unknown addresses, and notFound() thrown by a layout (the back office's
 * role check among them): no group layout is around it, so it brings the
 * public frame itself, and nothing of the back office.
 */
export default function NotFound() {
  return (
    <PublicShell>
      <NotFoundMessage />
    </PublicShell>
  );
}
