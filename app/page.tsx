import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/dal";
import { roleGrants } from "@/lib/auth/roles";

/** The front door sends each visitor where they belong. */
export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/connexion");
  if (!roleGrants(user.role, "parent")) redirect("/admin");
  if (user.status !== "ACTIVE" || !user.householdId) redirect("/en-attente");
  redirect("/accueil");
}
