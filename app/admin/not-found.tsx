import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/not-found-message";

export const metadata: Metadata = { title: "Page introuvable" };

// Only reached past the layout's role check (a staff member's unknown record):
// everyone else gets app/not-found.tsx, with nothing of the back office.
export default function NotFound() {
  return <NotFoundMessage links={[{ href: "/admin", label: "Tableau de bord" }]} />;
}
