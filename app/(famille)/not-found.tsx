import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/not-found-message";

export const metadata: Metadata = { title: "Page introuvable" };

// Inside the family layout (header, menu, footer); the parent is signed in,
// so no "Se connecter".
export default function NotFound() {
  return <NotFoundMessage links={[{ href: "/accueil", label: "Accueil" }, { href: "/factures", label: "Factures" }]} />;
}
