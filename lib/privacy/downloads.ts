import "server-only";
import { recordAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/dal";
import { roleGrants } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { getSettings } from "@/lib/settings";
import { buildDocumentsZip } from "./documents-zip";
import { buildHouseholdExport } from "./export";
import { renderExportHtml } from "./export-html";
import { retentionRules } from "./retention";

export type ExportFormat = "json" | "html" | "zip";

const notFound = () => new Response("Introuvable", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * One of the three "Mes données" downloads, for the signed-in parent's own
 * household (from the session, never from the URL), recorded in the audit
 * log as household.export. Anyone else gets a 404.
 */
export async function householdDownload(format: ExportFormat, now = new Date()): Promise<Response> {
  const user = await getCurrentUser();
  if (!user || user.status !== "ACTIVE" || !roleGrants(user.role, "parent") || !user.householdId) return notFound();
  const householdId = user.householdId;
  try {
    const db = await getDb();
    const household = await db.household.findUniqueOrThrow({ where: { id: householdId }, select: { name: true, reference: true } });
    const base = `mes-donnees-famille-${household.reference}`;
    let body: Uint8Array | string;
    let contentType: string;
    let fileName: string;
    let disposition = "attachment";
    if (format === "zip") {
      body = (await buildDocumentsZip(db, householdId)).bytes;
      contentType = "application/zip";
      fileName = `${base}-documents.zip`;
    } else {
      const data = await buildHouseholdExport(db, householdId, now);
      if (format === "json") {
        body = JSON.stringify(data, null, 2);
        contentType = "application/json; charset=utf-8";
        fileName = `${base}.json`;
      } else {
        const settings = await getSettings();
        body = renderExportHtml(data, { authorityName: settings.name, rules: retentionRules(settings) });
        contentType = "text/html; charset=utf-8";
        fileName = `${base}.html`;
        disposition = "inline";
      }
    }
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actorId: user.id,
        action: "household.export",
        targetType: "Household",
        targetId: householdId,
        details: { label: household.name, householdId, format },
      }),
    );
    return new Response(typeof body === "string" ? body : new Uint8Array(body), {
      headers: {
        "Content-Type": contentType,
        "Content-Disposition": `${disposition}; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        // The readable page is ours but shows what families typed: no script may run in it.
        ...(format === "html" ? { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" } : {}),
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
