import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/dal";

/** The front door sends each visitor where they belong. */
export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/connexion");
  if (user.role !== "PARENT") redirect("/admin");
  if (user.status !== "ACTIVE" || !user.householdId) redirect("/en-attente");
  redirect("/accueil");
}
