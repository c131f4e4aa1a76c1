import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { addDocument, deletePendingDocument, listHouseholdFiles, refuseDocument, validateDocument } from "@/lib/documents";
import { AppError } from "@/lib/errors";
import { createAccount, createHousehold } from "@/lib/factories";
import { acceptUpload } from "@/lib/files";
import { makePdf } from "@/lib/files/fixtures";
import { acceptRequest, listHouseholdRequests, refuseRequest, submitRequest } from "@/lib/requests";
import { seedDocumentsAndRequests } from "@/prisma/seed/documents";
import { describeOnPostgres } from "@/lib/test/postgres";

let seeded = false;
let counter = 0;

async function family({ childFirstName = "Emma" }: { childFirstName?: string } = {}) {
  const db = await getDb();
  if (!seeded) {
    await seedDocumentsAndRequests(db);
    seeded = true;
  }
  counter += 1;
  const lastName = `LEFÈVRE${counter}`;
  const household = await createHousehold(db, {
    name: lastName,
    address1: "1 rue Vieille",
    postalCode: "34480",
    city: "Magalas",
    members: [
      { quality: "RESPONSABLE", firstName: "Marie", lastName },
      { quality: "ENFANT", firstName: childFirstName, lastName },
    ],
  });
  const responsable = household.members.find((m) => m.quality === "RESPONSABLE")!;
  const child = household.members.find((m) => m.quality === "ENFANT")!;
  const parent = await createAccount(db, { email: `revue.${counter}@exemple.fr`, firstName: "Marie", lastName, personId: responsable.id });
  return { db, household, responsable, child, parent, actor: { id: parent.id, householdId: household.id } };
}

async function agent() {
  const db = await getDb();
  counter += 1;
  const user = await createAccount(db, { email: `agent.revue.${counter}@mairie.fr`, firstName: "Agent", lastName: "SERVICE", role: "STAFF" });
  return { id: user.id, role: user.role };
}

async function upload(uploadedById: string, name = "justificatif.pdf") {
  return acceptUpload({ bytes: makePdf(), name, address: "10.1.0.2", uploadedById });
}

const key = () => `cle-${Math.random().toString(36).slice(2)}-${Date.now()}`;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** What a decision leaves behind, to show a refused one left nothing. */
async function traces(targetId: string, email: string) {
  const db = await getDb();
  return {
    audit: await db.auditEvent.count({ where: { targetId } }),
    emails: await db.emailMessage.count({ where: { to: email } }),
  };
}

async function pendingDocument(f: Awaited<ReturnType<typeof family>>) {
  const type = await f.db.documentType.findUniqueOrThrow({ where: { code: "IDENTITE" } });
  return addDocument({ actor: f.actor, personId: f.child.id, typeId: type.id, upload: await upload(f.parent.id) });
}

describe("a staff decision on what a family sent", () => {
  it("a second decision on a decided document is refused in French and changes nothing", async () => {
    const f = await family();
    const [first, second] = [await agent(), await agent()];
    const { id } = await pendingDocument(f);
    await validateDocument({ actor: first, documentId: id });
    const decided = await f.db.document.findUniqueOrThrow({ where: { id } });
    const before = await traces(id, f.parent.email);
    expect(before).toEqual({ audit: 1, emails: 1 });

    for (const again of [
      validateDocument({ actor: first, documentId: id }),
      refuseDocument({ actor: second, documentId: id, reason: "Document illisible." }),
    ]) {
      const error = await refusal(again);
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toBe("Ce document a déjà été traité ou a été retiré par la famille.");
    }
    expect(await f.db.document.findUniqueOrThrow({ where: { id } })).toEqual(decided);
    expect(await traces(id, f.parent.email)).toEqual(before);
  });

  it("a second decision on a refused request does not apply it", async () => {
    const f = await family();
    const staff = await agent();
    const { requestId } = await submitRequest({
      actor: f.actor,
      typeCode: "CHANGEMENT_ADRESSE",
      data: { address1: "12 avenue Neuve", postalCode: "34290", city: "Servian" },
      uploads: [await upload(f.parent.id)],
      submissionKey: key(),
    });
    await refuseRequest({ actor: staff, requestId, reason: "Le justificatif est illisible." });
    const decided = await f.db.request.findUniqueOrThrow({ where: { id: requestId }, include: { documents: true } });
    const before = await traces(requestId, f.parent.email);

    const error = await refusal(acceptRequest({ actor: staff, requestId }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("Cette demande a déjà été traitée.");
    expect(await f.db.request.findUniqueOrThrow({ where: { id: requestId }, include: { documents: true } })).toEqual(decided);
    expect(decided.documents.map((d) => d.status)).toEqual(["REFUSED"]);
    expect((await f.db.household.findUniqueOrThrow({ where: { id: f.household.id } })).address1).toBe("1 rue Vieille");
    expect(await traces(requestId, f.parent.email)).toEqual(before);
    expect(await f.db.auditEvent.count({ where: { targetId: f.household.id } })).toBe(0);
  });

  it("a file the family took back cannot be decided", async () => {
    const f = await family();
    const { id } = await pendingDocument(f);
    await deletePendingDocument({ actor: f.actor, documentId: id });
    expect((await refusal(validateDocument({ actor: await agent(), documentId: id }))).code).toBe("CONFLICT");
    expect((await f.db.document.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    expect(await traces(id, f.parent.email)).toEqual({ audit: 0, emails: 0 });
  });

  it("only staff decide: a parent's account is refused and nothing changes", async () => {
    const f = await family();
    const { id } = await pendingDocument(f);
    const { requestId } = await submitRequest({
      actor: f.actor,
      typeCode: "AJOUT_PERSONNE",
      data: { quality: "ENFANT", civility: "M", lastName: "Lefèvre", firstName: "Hugo", birthDate: "2021-03-04" },
      uploads: [await upload(f.parent.id)],
      submissionKey: key(),
    });
    const parent = { id: f.parent.id, role: f.parent.role };
    for (const attempt of [
      validateDocument({ actor: parent, documentId: id }),
      refuseDocument({ actor: parent, documentId: id, reason: "Je me refuse." }),
      acceptRequest({ actor: parent, requestId }),
      refuseRequest({ actor: parent, requestId, reason: "Je me refuse." }),
    ]) {
      const error = await refusal(attempt);
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toBe("Cette action est réservée au personnel du service.");
    }
    expect((await f.db.document.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    expect((await f.db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("PENDING");
    expect(await f.db.person.count({ where: { householdId: f.household.id } })).toBe(2);
    expect(await traces(id, f.parent.email)).toEqual({ audit: 0, emails: 0 });
    expect(await traces(requestId, f.parent.email)).toEqual({ audit: 0, emails: 0 });
  });

  it("a refusal needs a reason the family can read, and an unknown id answers « introuvable »", async () => {
    const f = await family();
    const staff = await agent();
    const { id } = await pendingDocument(f);
    const error = await refusal(refuseDocument({ actor: staff, documentId: id, reason: "   " }));
    expect(error.code).toBe("INVALID");
    expect(error.fieldErrors?.reason).toMatch(/^Indiquez le motif du refus/);
    expect((await f.db.document.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");

    expect((await refusal(validateDocument({ actor: staff, documentId: "inconnu" }))).message).toBe("Document introuvable.");
    expect((await refusal(acceptRequest({ actor: staff, requestId: "inconnu" }))).message).toBe("Demande introuvable.");
  });
});

// Real concurrency needs several connections: PGlite has one.
describeOnPostgres("two agents deciding at once (PostgreSQL)", () => {
  const RACERS = 6;

  it("exactly one decision on a document wins; the others change nothing", async () => {
    const f = await family();
    const staff = await Promise.all(Array.from({ length: RACERS }, agent));
    const { id } = await pendingDocument(f);
    const results = await Promise.allSettled(
      staff.map((actor, i) =>
        i % 2 ? refuseDocument({ actor, documentId: id, reason: "Document illisible." }) : validateDocument({ actor, documentId: id }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("CONFLICT");
    expect(await traces(id, f.parent.email)).toEqual({ audit: 1, emails: 1 });
  });

  it("a request accepted by several agents at once is applied once", async () => {
    const f = await family();
    const staff = await Promise.all(Array.from({ length: RACERS }, agent));
    const { requestId } = await submitRequest({
      actor: f.actor,
      typeCode: "AJOUT_PERSONNE",
      data: { quality: "ENFANT", civility: "M", lastName: "Lefèvre", firstName: "Hugo", birthDate: "2021-03-04" },
      uploads: [await upload(f.parent.id)],
      submissionKey: key(),
    });
    const results = await Promise.allSettled(staff.map((actor) => acceptRequest({ actor, requestId })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await f.db.person.count({ where: { householdId: f.household.id, firstName: "Hugo" } })).toBe(1);
    expect(await traces(requestId, f.parent.email)).toEqual({ audit: 1, emails: 1 });
  });
});

describe("the family's « Recherche » over its files and démarches", () => {
  it("ignores accents and case: « Helene » finds Hélène's", async () => {
    const f = await family({ childFirstName: "Hélène" });
    const medical = await f.db.documentType.findUniqueOrThrow({ where: { code: "MEDICAL" } });
    const helenes = await addDocument({ actor: f.actor, personId: f.child.id, typeId: medical.id, upload: await upload(f.parent.id, "vaccins.pdf") });
    const identity = await f.db.documentType.findUniqueOrThrow({ where: { code: "IDENTITE" } });
    const maries = await addDocument({ actor: f.actor, personId: f.responsable.id, typeId: identity.id, upload: await upload(f.parent.id, "carte.pdf") });
    const { requestId } = await submitRequest({
      actor: f.actor,
      typeCode: "SITUATION_FAMILIALE",
      personId: f.child.id,
      data: { details: "Garde alternée" },
      uploads: [await upload(f.parent.id, "jugement.pdf")],
      submissionKey: key(),
    });
    const files = async (query: string) => (await listHouseholdFiles({ householdId: f.household.id, query })).map((d) => d.id);
    const requests = async (query: string) => (await listHouseholdRequests({ householdId: f.household.id, query })).map((r) => r.id);

    const attached = (await f.db.document.findFirstOrThrow({ where: { requestId } })).id;
    for (const query of ["Helene", "hélène", "HELENE", "  helene   lefevre "]) {
      expect((await files(query)).sort()).toEqual([helenes.id, attached].sort());
      expect(await requests(query)).toEqual([requestId]);
    }
    // Every word must match: Hélène's files are not Marie's.
    expect(await files("helene marie")).toEqual([]);
    // The type's label and the file's name are searched the same way.
    expect(await files("medical")).toEqual([helenes.id]);
    expect(await files("CARTE")).toEqual([maries.id]);
    expect(await requests("situation familiale")).toEqual([requestId]);
    expect((await files("")).length).toBe(3);
  });
});
