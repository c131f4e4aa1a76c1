import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createHouseholdForAccount,
  getAccountToReview,
  linkAccountToPerson,
  listAccountsToReview,
  rejectAccount,
  findLinkCandidates,
  CreateHouseholdSchema,
  IDENTITY_DOCUMENT_TYPE_CODE,
  RejectAccountSchema,
} from "@/lib/accounts/review";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { acceptUpload, claimFile, discardFile, readFileForUser } from "@/lib/files";
import { makePdf } from "@/lib/files/fixtures";
import type { Role } from "@/lib/generated/prisma/client";
import { outboxDir } from "@/lib/mail";
import { readLatestEmailTo } from "@/lib/mail/outbox";

const unique = () => randomBytes(4).toString("hex");

async function createUser({
  role = "PARENT",
  status = role === "PARENT" ? "PENDING_REVIEW" : "ACTIVE",
  lastName = "Martin",
  firstName = "Claire",
  birthDate = new Date("1985-03-14T00:00:00Z"),
  createdAt,
}: {
  role?: Role;
  status?: "PENDING_EMAIL" | "PENDING_REVIEW" | "ACTIVE" | "REJECTED" | "DISABLED";
  lastName?: string;
  firstName?: string;
  birthDate?: Date;
  createdAt?: Date;
} = {}) {
  const db = await getDb();
  const id = unique();
  return db.user.create({
    data: {
      identifiant: id,
      email: `${firstName.toLowerCase()}.${id}@exemple.fr`,
      civility: "MME",
      lastName,
      firstName,
      birthDate,
      mobile: "06 12 34 56 78",
      role,
      status,
      emailConfirmedAt: status === "PENDING_EMAIL" ? null : new Date(),
      createdAt,
    },
  });
}

async function createHousehold(name: string, members: { firstName: string; quality: "RESPONSABLE" | "CONJOINT" | "ENFANT" }[]) {
  const db = await getDb();
  return db.household.create({
    data: {
      name,
      address1: "3 rue des Écoles",
      postalCode: "34480",
      city: "Magalas",
      members: { create: members.map((m) => ({ ...m, lastName: name })) },
    },
    include: { members: true },
  });
}

const staff = async () => {
  const user = await createUser({ role: "STAFF", lastName: "Agent", firstName: "Paul" });
  return { id: user.id, role: user.role };
};

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe("account review", () => {
  it("lists the accounts awaiting review, oldest first, and nothing else", async () => {
    const newer = await createUser({ lastName: "Queue", createdAt: new Date("2026-01-02T10:00:00Z") });
    const older = await createUser({ lastName: "Queue", createdAt: new Date("2026-01-01T10:00:00Z") });
    const unconfirmed = await createUser({ lastName: "Queue", status: "PENDING_EMAIL" });
    const list = (await listAccountsToReview()).filter((a) => a.lastName === "Queue").map((a) => a.id);
    expect(list).toEqual([older.id, newer.id]);
    expect(list).not.toContain(unconfirmed.id);
  });

  it("links an account to an existing adult: active, linked, audited, and the parent is told by email", async () => {
    const actor = await staff();
    const user = await createUser({ lastName: "Lambert", firstName: "Sophie" });
    const household = await createHousehold("Lambert", [
      { firstName: "Sophie", quality: "RESPONSABLE" },
      { firstName: "Léo", quality: "ENFANT" },
    ]);
    const sophie = household.members.find((m) => m.firstName === "Sophie")!;

    const outcome = await linkAccountToPerson({ actor, userId: user.id, personId: sophie.id });
    expect(outcome).toEqual({ userId: user.id, emailSent: true });

    const db = await getDb();
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.status).toBe("ACTIVE");
    expect(after.personId).toBe(sophie.id);
    expect(after.reviewedAt).toBeInstanceOf(Date);
    // The person lacked contact details: the account's fill them in.
    const person = await db.person.findUniqueOrThrow({ where: { id: sophie.id } });
    expect(person.email).toBe(user.email);
    expect(person.mobile).toBe("06 12 34 56 78");

    const audit = await db.auditEvent.findMany({ where: { targetId: user.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "account.link", actorId: actor.id, targetType: "User" });
    expect(audit[0].details).toMatchObject({ personId: sophie.id, householdId: household.id });

    const mail = await readLatestEmailTo(user.email, outboxDir());
    expect(mail?.template).toBe("account-verified");
    expect(mail?.text).toContain(user.identifiant);

    const dto = await getAccountToReview(user.id);
    expect(dto?.person?.household.id).toBe(household.id);
  });

  it("creates a household whose responsable is the account holder", async () => {
    const actor = await staff();
    const user = await createUser({ lastName: "Nouveau", firstName: "Karim" });
    const input = CreateHouseholdSchema.parse({
      userId: user.id,
      address1: " 12 avenue de la Gare ",
      address2: "",
      postalCode: "34480",
      city: "Magalas",
      qf: "351",
      regime: "RG",
    });
    const { userId, ...address } = input;
    const outcome = await createHouseholdForAccount({ actor, userId, ...address });

    const db = await getDb();
    const household = await db.household.findUniqueOrThrow({
      where: { id: outcome.householdId },
      include: { members: { include: { user: true } } },
    });
    expect(household).toMatchObject({ name: "Nouveau", address1: "12 avenue de la Gare", address2: null, qf: 351, regime: "RG" });
    expect(household.members).toHaveLength(1);
    expect(household.members[0]).toMatchObject({
      quality: "RESPONSABLE",
      firstName: "Karim",
      lastName: "Nouveau",
      civility: "MME",
      email: user.email,
    });
    expect(household.members[0].birthDate?.toISOString().slice(0, 10)).toBe("1985-03-14");
    expect(household.members[0].user).toMatchObject({ id: user.id, status: "ACTIVE" });
    expect(await db.auditEvent.count({ where: { targetId: user.id, action: "account.create_household" } })).toBe(1);
    expect((await readLatestEmailTo(user.email, outboxDir()))?.template).toBe("account-verified");
  });

  it("refuses an account with its reason, and emails the reason", async () => {
    const actor = await staff();
    const user = await createUser({ lastName: "Refus" });
    await rejectAccount({ actor, userId: user.id, reason: "La pièce d'identité est illisible." });

    const db = await getDb();
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ status: "REJECTED", rejectionReason: "La pièce d'identité est illisible.", personId: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: user.id } });
    expect(audit).toMatchObject({ action: "account.reject", details: { reason: "La pièce d'identité est illisible." } });
    const mail = await readLatestEmailTo(user.email, outboxDir());
    expect(mail?.template).toBe("account-rejected");
    expect(mail?.text).toContain("La pièce d'identité est illisible.");
  });

  it("requires a reason of at least 5 characters", async () => {
    const parsed = RejectAccountSchema.safeParse({ userId: "x", reason: "  non " });
    expect(parsed.success).toBe(false);
    const actor = await staff();
    const user = await createUser();
    await expectAppError(rejectAccount({ actor, userId: user.id, reason: "abc" }), "INVALID");
    const db = await getDb();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("PENDING_REVIEW");
  });

  it("lets only the first of two decisions on the same account apply", async () => {
    const actor = await staff();
    const other = await staff();
    const user = await createUser({ lastName: "Double" });
    const household = await createHousehold("Double", [{ firstName: "Claire", quality: "RESPONSABLE" }]);

    await linkAccountToPerson({ actor, userId: user.id, personId: household.members[0].id });
    const error = await expectAppError(rejectAccount({ actor: other, userId: user.id, reason: "Doublon de compte" }), "CONFLICT");
    expect(error.message).toMatch(/déjà été traité/);

    const db = await getDb();
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ status: "ACTIVE", rejectionReason: null });
    expect(await db.auditEvent.count({ where: { targetId: user.id } })).toBe(1);
  });

  it("applies exactly one of two decisions taken at the same moment", async () => {
    const actor = await staff();
    const user = await createUser({ lastName: "Course" });
    const results = await Promise.allSettled([
      rejectAccount({ actor, userId: user.id, reason: "Premier agent" }),
      createHouseholdForAccount({ actor, userId: user.id, address1: "1 place", postalCode: "34480", city: "Magalas" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect((rejected.reason as AppError).code).toBe("CONFLICT");
    const db = await getDb();
    expect(await db.auditEvent.count({ where: { targetId: user.id } })).toBe(1);
    // The losing household creation left nothing behind.
    expect(await db.household.count({ where: { name: "Course" } })).toBe(results[1].status === "fulfilled" ? 1 : 0);
  });

  it("refuses to link a person already linked to another account", async () => {
    const actor = await staff();
    const household = await createHousehold("Occupe", [{ firstName: "Anne", quality: "RESPONSABLE" }]);
    const anne = household.members[0];
    const first = await createUser({ lastName: "Occupe", firstName: "Anne" });
    await linkAccountToPerson({ actor, userId: first.id, personId: anne.id });

    const second = await createUser({ lastName: "Occupe", firstName: "Anne" });
    await expectAppError(linkAccountToPerson({ actor, userId: second.id, personId: anne.id }), "CONFLICT");
    const db = await getDb();
    expect(await db.user.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "PENDING_REVIEW",
      personId: null,
    });
  });

  it("refuses to link an account to a child, and lets no parent decide", async () => {
    const actor = await staff();
    const household = await createHousehold("Enfant", [{ firstName: "Lou", quality: "ENFANT" }]);
    const user = await createUser({ lastName: "Enfant" });
    await expectAppError(linkAccountToPerson({ actor, userId: user.id, personId: household.members[0].id }), "INVALID");
    const parent = await createUser({ role: "PARENT", status: "ACTIVE" });
    await expectAppError(
      rejectAccount({ actor: { id: parent.id, role: parent.role }, userId: user.id, reason: "Pas autorisé" }),
      "FORBIDDEN",
    );
  });

  it("finds households by a member's name whatever the case, and flags adults already linked", async () => {
    const actor = await staff();
    const household = await createHousehold("Béranger", [
      { firstName: "Hélène", quality: "RESPONSABLE" },
      { firstName: "Marc", quality: "CONJOINT" },
      { firstName: "Zoé", quality: "ENFANT" },
    ]);
    const helene = household.members.find((m) => m.firstName === "Hélène")!;
    const user = await createUser({ lastName: "Béranger", firstName: "Hélène" });
    await linkAccountToPerson({ actor, userId: user.id, personId: helene.id });

    const [found] = await findLinkCandidates({ query: "béranger MARC" });
    expect(found.id).toBe(household.id);
    expect(found.childrenCount).toBe(1);
    expect(found.adults.map((a) => [a.firstName, a.linked])).toEqual([
      ["Hélène", true],
      ["Marc", false],
    ]);
    expect(await findLinkCandidates({ query: "   " })).toEqual([]);
    expect(await findLinkCandidates({ query: "béranger inconnu" })).toEqual([]);
  });
});

describe("the identity document sent at registration", () => {
  /** A pending account with its identity file, as registration leaves it. */
  async function registeredWithIdentity(lastName: string) {
    const db = await getDb();
    const bytes = makePdf();
    const upload = await acceptUpload({ bytes, name: "carte-identite.pdf", address: `10.1.0.${unique()}` });
    const file = await db.$transaction((tx) => claimFile(tx, upload));
    const user = await createUser({ lastName, firstName: "Inès" });
    await db.user.update({ where: { id: user.id }, data: { identityFileId: file.id } });
    return { user, fileId: file.id, bytes };
  }

  async function identityType() {
    const db = await getDb();
    return db.documentType.upsert({
      where: { code: IDENTITY_DOCUMENT_TYPE_CODE },
      update: {},
      create: { code: IDENTITY_DOCUMENT_TYPE_CODE, label: "Pièce d'identité" },
    });
  }

  it("becomes the person's validated Pièce d'identité, once, with the bytes the parent sent", async () => {
    const type = await identityType();
    const actor = await staff();
    const { user, fileId, bytes } = await registeredWithIdentity("Identite");
    const household = await createHousehold("Identite", [{ firstName: "Inès", quality: "RESPONSABLE" }]);
    const ines = household.members[0];
    const now = new Date("2026-12-04T10:00:00Z");

    await linkAccountToPerson({ actor, userId: user.id, personId: ines.id, now });

    const db = await getDb();
    const documents = await db.document.findMany({ where: { householdId: household.id } });
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      personId: ines.id,
      typeId: type.id,
      fileId,
      status: "VALIDATED",
      reviewedById: actor.id,
      reviewedAt: now,
      createdById: user.id,
    });
    // The parent reads it through their household's document, and staff still see it as the account's identity.
    const read = await readFileForUser({ fileId, user: { id: user.id, role: "PARENT", status: "ACTIVE", householdId: household.id } });
    expect(Buffer.from(read.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect((await getAccountToReview(user.id))?.identityDocument?.id).toBe(fileId);
    // One file behind two relations: it cannot be discarded from under the document.
    await expect(discardFile(fileId)).rejects.toThrow();
    expect(await db.storedFile.count({ where: { id: fileId } })).toBe(1);

    // A second decision is refused, and leaves no second document.
    await expectAppError(linkAccountToPerson({ actor, userId: user.id, personId: ines.id }), "CONFLICT");
    expect(await db.document.count({ where: { fileId } })).toBe(1);
  });

  it("is filed too when staff open a new household for the account", async () => {
    await identityType();
    const actor = await staff();
    const { user, fileId } = await registeredWithIdentity("Neuve");
    const { householdId } = await createHouseholdForAccount({
      actor,
      userId: user.id,
      address1: "2 rue Neuve",
      postalCode: "34480",
      city: "Magalas",
    });
    const db = await getDb();
    const person = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { personId: true } });
    expect(await db.document.findMany({ where: { householdId }, select: { personId: true, fileId: true, status: true } })).toEqual([
      { personId: person.personId, fileId, status: "VALIDATED" },
    ]);
  });

  it("leaves nothing when the account has no identity file", async () => {
    await identityType();
    const actor = await staff();
    const user = await createUser({ lastName: "Sansfichier" });
    const household = await createHousehold("Sansfichier", [{ firstName: "Claire", quality: "RESPONSABLE" }]);
    await linkAccountToPerson({ actor, userId: user.id, personId: household.members[0].id });
    const db = await getDb();
    expect(await db.document.count({ where: { householdId: household.id } })).toBe(0);
  });
});
