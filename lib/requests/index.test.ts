import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { addDocument, deletePendingDocument, getDocumentForStaff, listHouseholdFiles, listMemberDocuments, refuseDocument, validateDocument } from "@/lib/documents";
import { AppError } from "@/lib/errors";
import { acceptUpload, readFileForUser } from "@/lib/files";
import { makePdf, makePng } from "@/lib/files/fixtures";
import { unsubscribeFromServiceEmails, unsubscribeUrl } from "@/lib/mail/unsubscribe";
import { seedDocumentsAndRequests } from "@/prisma/seed/documents";
import { acceptRequest, getHouseholdRequest, listHouseholdRequests, refuseRequest, submitRequest } from "./index";

let seeded = false;
let counter = 0;

async function world() {
  const db = await getDb();
  if (!seeded) {
    await seedDocumentsAndRequests(db);
    seeded = true;
  }
  counter += 1;
  const household = await db.household.create({
    data: { name: `FAMILLE${counter}`, address1: "1 rue Vieille", postalCode: "34480", city: "Magalas" },
  });
  const parentPerson = await db.person.create({
    data: { householdId: household.id, quality: "RESPONSABLE", lastName: `FAMILLE${counter}`, firstName: "Marie" },
  });
  const child = await db.person.create({
    data: { householdId: household.id, quality: "ENFANT", lastName: `FAMILLE${counter}`, firstName: "Emma" },
  });
  const parent = await db.user.create({
    data: {
      identifiant: `d${String(counter).padStart(7, "0")}`,
      email: `parent.${counter}@exemple.fr`,
      firstName: "Marie",
      lastName: `FAMILLE${counter}`,
      status: "ACTIVE",
      personId: parentPerson.id,
    },
  });
  const actor = { id: parent.id, householdId: household.id };
  const reader = { id: parent.id, role: parent.role, status: parent.status, householdId: household.id };
  return { db, household, parentPerson, child, parent, actor, reader };
}

let staffCounter = 0;
async function staff() {
  const db = await getDb();
  staffCounter += 1;
  return db.user.create({
    data: {
      identifiant: `a${String(staffCounter).padStart(7, "0")}`,
      email: `agent.${staffCounter}@mairie.fr`,
      firstName: "Agent",
      lastName: "SERVICE",
      role: "STAFF",
      status: "ACTIVE",
    },
    select: { id: true, role: true },
  });
}

async function upload(uploadedById: string, bytes?: Uint8Array) {
  return acceptUpload({ bytes: bytes ?? makePdf(), name: "justificatif.pdf", address: "10.1.0.1", uploadedById });
}

const key = () => `cle-${Math.random().toString(36).slice(2)}-${Date.now()}`;

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

async function emailsTo(address: string) {
  const db = await getDb();
  return db.emailMessage.findMany({ where: { to: address }, orderBy: { createdAt: "asc" } });
}

describe("démarches administratives", () => {
  it("a change of address, once accepted, moves the household, validates its proof and emails the parent", async () => {
    const { db, household, parent, actor } = await world();
    const agent = await staff();
    const { requestId, created } = await submitRequest({
      actor,
      typeCode: "CHANGEMENT_ADRESSE",
      data: { address1: "12 avenue Neuve", postalCode: "34290", city: "Servian" },
      uploads: [await upload(parent.id)],
      submissionKey: key(),
    });
    expect(created).toBe(true);
    const before = await getHouseholdRequest({ householdId: household.id, requestId });
    expect(before).toMatchObject({ status: "PENDING", label: "Changement d'adresse" });
    expect(before?.documents).toHaveLength(1);

    await acceptRequest({ actor: agent, requestId });
    expect(await db.household.findUniqueOrThrow({ where: { id: household.id } })).toMatchObject({
      address1: "12 avenue Neuve",
      postalCode: "34290",
      city: "Servian",
    });
    const after = await getHouseholdRequest({ householdId: household.id, requestId });
    expect(after?.status).toBe("VALIDATED");
    expect(after?.documents[0].status).toBe("VALIDATED");
    expect((await emailsTo(parent.email)).map((m) => m.subject)).toEqual(["Votre demande a été acceptée"]);
    const audit = await db.auditEvent.findMany({ where: { OR: [{ targetId: requestId }, { targetId: household.id }] } });
    expect(audit.map((a) => a.action).sort()).toEqual(["household.update", "request.accept"]);

    expect(await codeOf(acceptRequest({ actor: agent, requestId }))).toBe("CONFLICT");
  });

  it("an update of the quotient familial sets QF, régime, validity and CAF number", async () => {
    const { db, household, parent, actor } = await world();
    const { requestId } = await submitRequest({
      actor,
      typeCode: "QUOTIENT_FAMILIAL",
      data: { qf: "612", regime: "MSA", validUntil: "2027-12-31", cafNumber: "1234567" },
      uploads: [await upload(parent.id)],
      submissionKey: key(),
    });
    await acceptRequest({ actor: await staff(), requestId });
    const row = await db.household.findUniqueOrThrow({ where: { id: household.id } });
    expect(row).toMatchObject({ qf: 612, regime: "MSA", cafNumber: "1234567" });
    expect(row.qfValidUntil?.toISOString()).toBe("2027-12-31T00:00:00.000Z");
  });

  it("adding a member creates the person once accepted", async () => {
    const { db, household, parent, actor } = await world();
    const { requestId } = await submitRequest({
      actor,
      typeCode: "AJOUT_PERSONNE",
      data: { quality: "ENFANT", civility: "M", lastName: "Famille", firstName: "Hugo", birthDate: "2021-03-04" },
      uploads: [await upload(parent.id)],
      submissionKey: key(),
    });
    expect(await db.person.count({ where: { householdId: household.id, firstName: "Hugo" } })).toBe(0);
    // What the parent and staff read: the list's word and a French date, not the codes the form posted.
    const shown = (await getHouseholdRequest({ householdId: household.id, requestId }))!.fields;
    expect(shown).toContainEqual({ label: "Date de Naissance", value: "04/03/2021" });
    expect(shown).toContainEqual({ label: "Qualité", value: "Enfant" });
    await acceptRequest({ actor: await staff(), requestId });
    const hugo = await db.person.findFirstOrThrow({ where: { householdId: household.id, firstName: "Hugo" } });
    expect(hugo).toMatchObject({ quality: "ENFANT", civility: "M", lastName: "FAMILLE" });
    expect(hugo.birthDate?.toISOString()).toBe("2021-03-04T00:00:00.000Z");
  });

  it("a refusal carries its reason to the parent and changes nothing", async () => {
    const { db, household, parent, actor } = await world();
    const { requestId } = await submitRequest({
      actor,
      typeCode: "CHANGEMENT_ADRESSE",
      data: { address1: "3 rue Refusée", postalCode: "34000", city: "Montpellier" },
      uploads: [await upload(parent.id)],
      submissionKey: key(),
    });
    expect(await codeOf(refuseRequest({ actor: await staff(), requestId, reason: "" }))).toBe("INVALID");
    await refuseRequest({ actor: await staff(), requestId, reason: "Le justificatif est illisible." });
    expect((await db.household.findUniqueOrThrow({ where: { id: household.id } })).address1).toBe("1 rue Vieille");
    const message = (await emailsTo(parent.email)).at(-1);
    expect(message?.subject).toBe("Votre demande a été refusée");
  });

  it("refuses missing fields and a missing proof, with French messages per field", async () => {
    const { parent, actor } = await world();
    const error = await submitRequest({
      actor,
      typeCode: "CHANGEMENT_ADRESSE",
      data: { address1: "", postalCode: "123", city: "Béziers" },
      uploads: [await upload(parent.id)],
      submissionKey: key(),
    }).catch((e: unknown) => e as AppError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toMatchObject({ address1: "Renseignez le champ « Adresse »." });

    const noFile = await submitRequest({
      actor,
      typeCode: "CHANGEMENT_ADRESSE",
      data: { address1: "1 rue", postalCode: "34000", city: "Béziers" },
      uploads: [],
      submissionKey: key(),
    }).catch((e: unknown) => e as AppError);
    expect((noFile as AppError).fieldErrors).toMatchObject({ files: "Joignez le justificatif demandé." });
  });

  it("a form posted twice with one submission key creates one request", async () => {
    const { db, household, parent, actor } = await world();
    const submissionKey = key();
    const input = {
      actor,
      typeCode: "AUTRE",
      personId: undefined as string | undefined,
      data: { details: "Bonjour" },
      submissionKey,
    };
    const members = await db.person.findMany({ where: { householdId: household.id } });
    input.personId = members[0].id;
    const [first, second] = await Promise.all([
      submitRequest({ ...input, uploads: [await upload(parent.id)] }),
      submitRequest({ ...input, uploads: [await upload(parent.id)] }),
    ]);
    expect(first.requestId).toBe(second.requestId);
    expect(await db.request.count({ where: { householdId: household.id } })).toBe(1);
    expect((await listHouseholdRequests({ householdId: household.id })).length).toBe(1);
  });

  it("another household's member, request and documents stay out of reach", async () => {
    const victim = await world();
    const attacker = await world();
    const { requestId } = await submitRequest({
      actor: victim.actor,
      typeCode: "CERTIFICAT_MEDICAL",
      personId: victim.child.id,
      data: {},
      uploads: [await upload(victim.parent.id)],
      submissionKey: key(),
    });
    expect(await getHouseholdRequest({ householdId: attacker.household.id, requestId })).toBeNull();
    expect(await listHouseholdRequests({ householdId: attacker.household.id })).toEqual([]);
    expect(await listHouseholdFiles({ householdId: attacker.household.id })).toEqual([]);

    // The attacker cannot file a request about the victim's child.
    expect(
      await codeOf(
        submitRequest({
          actor: attacker.actor,
          typeCode: "CERTIFICAT_MEDICAL",
          personId: victim.child.id,
          data: {},
          uploads: [await upload(attacker.parent.id)],
          submissionKey: key(),
        }),
      ),
    ).toBe("NOT_FOUND");

    const [victimFile] = await listHouseholdFiles({ householdId: victim.household.id });
    await expect(readFileForUser({ fileId: victimFile.fileId, user: victim.reader })).resolves.toBeDefined();
    expect(await codeOf(readFileForUser({ fileId: victimFile.fileId, user: attacker.reader }))).toBe("NOT_FOUND");
    expect(await codeOf(deletePendingDocument({ actor: attacker.actor, documentId: victimFile.id }))).toBe("NOT_FOUND");
    expect(
      await codeOf(
        addDocument({
          actor: attacker.actor,
          personId: attacker.child.id,
          typeId: (await victim.db.documentType.findFirstOrThrow()).id,
          upload: await upload(attacker.parent.id),
          replacesId: victimFile.id,
        }),
      ),
    ).toBe("NOT_FOUND");
    // A submission key seen in another household is refused, not answered.
    const { db } = victim;
    const usedKey = (await db.request.findUniqueOrThrow({ where: { id: requestId } })).submissionKey!;
    expect(
      await codeOf(submitRequest({ actor: attacker.actor, typeCode: "AUTRE", personId: attacker.child.id, data: { details: "x" }, uploads: [], submissionKey: usedKey })),
    ).toBe("CONFLICT");
  });
});

describe("documents", () => {
  it("overwriting a file shows the parent the newest version and keeps the history for staff", async () => {
    const { db, household, child, parent, actor, reader } = await world();
    const type = await db.documentType.findUniqueOrThrow({ where: { code: "MEDICAL" } });
    const first = await addDocument({ actor, personId: child.id, typeId: type.id, upload: await upload(parent.id) });
    const second = await addDocument({
      actor,
      personId: child.id,
      typeId: type.id,
      upload: await upload(parent.id, await makePng()),
      replacesId: first.id,
    });
    const groups = await listMemberDocuments({ householdId: household.id, personId: child.id });
    const medical = groups.find((g) => g.typeId === type.id)!;
    expect(medical.documents.map((d) => d.id)).toEqual([second.id]);

    const forStaff = await getDocumentForStaff(second.id);
    expect(forStaff?.history.map((h) => h.id)).toEqual([first.id]);
    // The old version cannot be overwritten again.
    expect(
      await codeOf(addDocument({ actor, personId: child.id, typeId: type.id, upload: await upload(parent.id), replacesId: first.id })),
    ).toBe("NOT_FOUND");
    expect((await readFileForUser({ fileId: forStaff!.fileId, user: reader })).mimeType).toBe("image/png");
  });

  it("validation and refusal email the household; an unsubscribed parent gets no service email", async () => {
    const { db, child, parent, actor, reader } = await world();
    const agent = await staff();
    const type = await db.documentType.findUniqueOrThrow({ where: { code: "IDENTITE" } });
    const a = await addDocument({ actor, personId: child.id, typeId: type.id, upload: await upload(parent.id) });
    const b = await addDocument({ actor, personId: child.id, typeId: type.id, upload: await upload(parent.id) });

    await validateDocument({ actor: agent, documentId: a.id });
    expect((await emailsTo(parent.email)).map((m) => m.subject)).toEqual(["Votre document a été validé"]);
    expect(await codeOf(deletePendingDocument({ actor, documentId: a.id }))).toBe("CONFLICT");

    const link = new URL(unsubscribeUrl(parent.id));
    expect(await unsubscribeFromServiceEmails({ userId: parent.id, signature: "faux" })).toBe(false);
    expect(
      await unsubscribeFromServiceEmails({ userId: link.searchParams.get("u")!, signature: link.searchParams.get("s")! }),
    ).toBe(true);

    const outcome = await refuseDocument({ actor: agent, documentId: b.id, reason: "Document illisible." });
    expect(outcome.emailsSent).toBe(0);
    expect(await emailsTo(parent.email)).toHaveLength(1);
    expect((await db.document.findUniqueOrThrow({ where: { id: b.id } })).refusalReason).toBe("Document illisible.");

    const c = await addDocument({ actor, personId: child.id, typeId: type.id, upload: await upload(parent.id) });
    await deletePendingDocument({ actor, documentId: c.id });
    const deleted = await db.document.findUniqueOrThrow({ where: { id: c.id } });
    expect(deleted.deletedAt).not.toBeNull();
    expect(await codeOf(readFileForUser({ fileId: deleted.fileId, user: reader }))).toBe("NOT_FOUND");
  });
});
