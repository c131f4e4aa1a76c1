import { householdDownload } from "@/lib/privacy/downloads";

/** Mes données: the signed-in family's own download (the household comes from the session). */
export function GET() {
  return householdDownload("json");
}
