import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/not-found-message";

export const metadata: Metadata = { title: "Page introuvable" };

// Inside the group's layout, so the visitor keeps its header and footer.
export default function NotFound() {
  return <NotFoundMessage />;
}
