import { beforeEach, describe, expect, it, vi } from "vitest";
import { createCanteen, createFamily, createStaffActor } from "@/lib/bookings/testing";
import { defaultCertificateYear } from "@/lib/certificates/batch";
import { getDb } from "@/lib/db/client";
import { renderPage } from "@/lib/test/pages";

const claims = vi.hoisted(() => ({ current: null as { id: string; sv: number } | null }));
vi.mock("@/auth", () => ({ sessionClaims: async () => claims.current }));
// The progress refresher asks the router to refresh; rendered outside the app router here.
vi.mock("next/navigation", async (original) => ({ ...(await original<typeof import("next/navigation")>()), useRouter: () => ({ refresh: () => {} }) }));

const { default: CertificatesPage } = await import("./page");
const { default: AccessiblePage } = await import("./fiscale/[annee]/version-accessible/page");
const { default: StaffPage } = await import("@/app/admin/attestations/page");

beforeEach(() => {
  claims.current = null;
});

describe("Attestations (family) and Attestations fiscales (staff)", () => {
  it("list the family's certificates with their two versions, the attendance form and its errors; staff see the batch form and progress", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const staff = await createStaffActor(db);
    claims.current = { id: family.account.id, sv: 0 };

    const empty = await renderPage(CertificatesPage({ searchParams: Promise.resolve({}) }));
    for (const text of ["Attestations fiscales", "Aucune attestation fiscale pour le moment.", "Attestation de présence", "Télécharger l&#x27;attestation de présence", ">Du<", ">Au<", ">Enfant<"]) {
      expect(empty).toContain(text);
    }
    expect(empty).toContain('action="/factures/attestations/presence"');

    const child = family.children[0];
    await db.taxCertificate.create({
      data: {
        householdId: family.household.id,
        year: 2026,
        totalCents: 4250,
        issuedAt: new Date("2027-01-12T09:00:00Z"),
        children: [{ personId: child.id, firstName: child.firstName, lastName: child.lastName, birthDate: "2022-04-01", paidCents: 5000, creditedCents: 750, amountCents: 4250 }],
      },
    });
    const listed = await renderPage(CertificatesPage({ searchParams: Promise.resolve({}) }));
    expect(listed).toContain("Année 2026");
    expect(listed).toMatch(/42,50\s€/);
    expect(listed).toContain('href="/factures/attestations/fiscale/2026/pdf"');
    expect(listed).toContain("Télécharger<span class=\"sr-only\"> l&#x27;attestation fiscale 2026</span> (PDF)");
    expect(listed).toContain('href="/factures/attestations/fiscale/2026/version-accessible"');
    expect(listed).toContain("Version accessible");

    const refused = await renderPage(CertificatesPage({ searchParams: Promise.resolve({ erreur: "1", enfant: child.id, du: "2026-03-31", au: "2026-03-01" }) }));
    expect(refused).toContain("Le formulaire contient 1 erreur");
    expect(refused).toContain("La date de fin doit être après la date de début.");
    expect(refused).toContain('value="2026-03-31"');

    const accessible = await renderPage(AccessiblePage({ params: Promise.resolve({ annee: "2026" }) }));
    for (const text of ["Attestation fiscale — frais de garde 2026", "article 200 quater B du code général des impôts", "01/04/2022", "Fait à", "Montants par enfant"]) {
      expect(accessible).toContain(text);
    }

    claims.current = { id: staff.id, sv: 0 };
    await db.certificateBatch.create({ data: { year: 2026, total: 2000, done: 750, emailed: 700, createdById: staff.id } });
    const staffPage = await renderPage(StaffPage());
    for (const text of ["Attestations fiscales", "Générer les attestations fiscales", "Générer l&#x27;attestation", "N° de famille", "750 / 2000", "En cours", "Générations des attestations fiscales"]) {
      expect(staffPage).toContain(text);
    }
    expect(staffPage).toContain(`value="${defaultCertificateYear(new Date())}"`);
    await db.certificateBatch.updateMany({ where: { status: "RUNNING" }, data: { status: "DONE" } });
  });
});
