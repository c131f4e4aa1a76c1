import { beforeEach, describe, expect, it, vi } from "vitest";
import { createCanteen, createFamily, createStaffActor } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { addDays, parisDay } from "@/lib/dates";
import { suggestedSchoolYearStart } from "@/lib/file-update";
import { completeChildFile } from "@/lib/factories";
import { formatDay } from "@/lib/format";
import type { FormState } from "@/lib/forms";
import { formData, renderPage, runAction } from "@/lib/test/pages";

const claims = vi.hoisted(() => ({ current: null as { id: string; sv: number } | null }));
vi.mock("@/auth", () => ({ sessionClaims: async () => claims.current }));
// Outside a request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { default: FileUpdatePage } = await import("./page");
const { confirmFileUpdateAction } = await import("./actions");
const { default: StaffListPage } = await import("@/app/admin/mises-a-jour/page");
const { default: StaffCampaignPage } = await import("@/app/admin/mises-a-jour/[id]/page");
const { createFileUpdateCampaignAction } = await import("@/app/admin/mises-a-jour/actions");
const { GET: exportCsv } = await import("@/app/admin/mises-a-jour/[id]/export/route");

beforeEach(async () => {
  claims.current = null;
  const db = await getDb();
  await db.fileUpdateCampaign.updateMany({ where: { closedAt: null }, data: { closedAt: new Date() } });
});

describe("Mise à jour du dossier, family and staff pages", () => {
  it("staff open a campaign; the family sees what is missing, is refused, completes and confirms; staff see it", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const staff = await createStaffActor(db);
    const emma = family.children[0];

    claims.current = { id: family.account.id, sv: 0 };
    expect(await renderPage(FileUpdatePage())).toContain("Aucune mise à jour du dossier n&#x27;est demandée pour le moment.");
    // A parent posting to the staff action is answered like any stranger to /admin.
    expect(await runAction(createFileUpdateCampaignAction, formData({ label: "X", schoolYearStart: "2027-09-01", deadline: "2027-01-01" }))).not.toMatchObject({ status: "success" });
    expect(await db.fileUpdateCampaign.count({ where: { closedAt: null } })).toBe(0);

    claims.current = { id: staff.id, sv: 0 };
    const today = parisDay(new Date());
    const refused = await runAction(createFileUpdateCampaignAction, formData({ label: "Rentrée", schoolYearStart: "", deadline: today }));
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { schoolYearStart: "Indiquez le début de l'année scolaire." },
    });
    const deadline = addDays(today, 20);
    const created = await runAction(
      createFileUpdateCampaignAction,
      formData({ label: "Rentrée de septembre", schoolYearStart: suggestedSchoolYearStart(), deadline, message: "Merci de vérifier votre dossier." }),
    );
    const campaign = await db.fileUpdateCampaign.findFirstOrThrow({ where: { closedAt: null } });
    expect(created).toBe(`redirect:/admin/mises-a-jour/${campaign.id}`);
    const list = await renderPage(StaffListPage());
    for (const text of ["Mises à jour du dossier", "Nouvelle campagne", "Libellé", "Début de l&#x27;année scolaire", "Date limite", "Message aux familles", "Rentrée de septembre", "0 famille a confirmé sur"]) {
      expect(list).toContain(text);
    }

    claims.current = { id: family.account.id, sv: 0 };
    const page = await renderPage(FileUpdatePage());
    for (const text of ["Rentrée de septembre", formatDay(deadline), "Merci de vérifier votre dossier.", "Votre famille", "Dossiers des enfants", "Fiche santé à compléter", "Documents à renvoyer", "Je confirme mon dossier"]) {
      expect(page).toContain(text);
    }
    expect(page).toContain(`href="/mon-espace/enfants/${emma.id}"`);
    expect(page).toContain(`id="child-${emma.id}"`);
    const missing = await runAction(confirmFileUpdateAction, formData({ campaignId: campaign.id }));
    expect(missing).toMatchObject({ status: "error", message: "3 éléments manquent encore à votre dossier :" });
    expect(Object.values((missing as FormState).fieldErrors ?? {})).toContain("Emma : Fiche santé à compléter");

    await completeChildFile(db, { personId: emma.id });
    const confirmed = await runAction(confirmFileUpdateAction, formData({ campaignId: campaign.id }));
    expect(confirmed).toMatchObject({ status: "success", message: `Dossier confirmé le ${formatDay(today)}` });
    const after = await renderPage(FileUpdatePage());
    expect(after).toContain(`Dossier confirmé le ${formatDay(today)}`);
    expect(after).not.toContain("Je confirme mon dossier");

    claims.current = { id: staff.id, sv: 0 };
    const detail = await renderPage(StaffCampaignPage({ params: Promise.resolve({ id: campaign.id }) }));
    expect(detail).toContain("Familles n&#x27;ayant pas confirmé");
    expect(detail).toContain("Familles ayant confirmé (1)");
    expect(detail).toContain(`Claire ${family.parent.lastName}`);
    const csv = await exportCsv(new Request("http://x/"), { params: Promise.resolve({ id: campaign.id }) });
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).not.toContain(family.household.name);
    expect((await exportCsv(new Request("http://x/"), { params: Promise.resolve({ id: "inconnue" }) })).status).toBe(404);
  });
});
