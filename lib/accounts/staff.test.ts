import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticate, BAD_CREDENTIALS } from "@/lib/accounts/authenticate";
import {
  CreateStaffSchema,
  changeStaffRole,
  createStaffMember,
  disableStaffMember,
  enableStaffMember,
  listStaff,
  resendStaffInvitation,
} from "@/lib/accounts/staff";
import { hashPassword } from "@/lib/auth/passwords";
import { sha256 } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { outboxDir } from "@/lib/mail";
import { readLatestEmailTo } from "@/lib/mail/outbox";

async function createAdmin() {
  const db = await getDb();
  const id = randomBytes(4).toString("hex");
  const user = await db.user.create({
    data: { identifiant: id, email: `admin.${id}@mairie.fr`, lastName: "Admin", firstName: "Alice", role: "ADMIN", status: "ACTIVE" },
  });
  return { id: user.id, role: user.role };
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

const newStaff = (email: string) =>
  CreateStaffSchema.parse({ civility: "M", lastName: "Durand", firstName: "Marc", email, role: "STAFF" });

describe("staff accounts", () => {
  it("creates an active staff account without a password and emails an invitation link", async () => {
    const actor = await createAdmin();
    const input = newStaff(" Marc.Durand@Mairie.fr ");
    const { userId, emailSent } = await createStaffMember({ actor, ...input });
    expect(emailSent).toBe(true);

    const db = await getDb();
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { password: true } });
    expect(user).toMatchObject({ email: "marc.durand@mairie.fr", role: "STAFF", status: "ACTIVE", password: null });
    expect(user.identifiant).toMatch(/^[0-9a-f]{8}$/);

    const mail = await readLatestEmailTo("marc.durand@mairie.fr", outboxDir());
    expect(mail?.template).toBe("staff-invitation");
    const secret = /mot-de-passe\/nouveau\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1];
    expect(secret).toBeDefined();
    const token = await db.token.findUniqueOrThrow({ where: { tokenHash: sha256(decodeURIComponent(secret!)) } });
    expect(token).toMatchObject({ userId, purpose: "STAFF_INVITATION", usedAt: null });

    expect(await db.auditEvent.count({ where: { targetId: userId, action: "staff.create", actorId: actor.id } })).toBe(1);
    expect((await listStaff()).find((m) => m.id === userId)).toMatchObject({ hasPassword: false, role: "STAFF" });

    // Until the invitation is followed, signing in fails like any wrong password.
    await expect(authenticate({ login: user.identifiant, password: "n'importe-quoi-1", address: "test" })).rejects.toThrow(
      BAD_CREDENTIALS,
    );
  });

  it("refuses an email already used by another account", async () => {
    const actor = await createAdmin();
    await createStaffMember({ actor, ...newStaff("doublon@mairie.fr") });
    const error = await expectAppError(createStaffMember({ actor, ...newStaff("DOUBLON@mairie.fr") }), "CONFLICT");
    expect(error.fieldErrors?.email).toMatch(/déjà/);
  });

  it("disables an account and ends its sessions, then re-enables it", async () => {
    const actor = await createAdmin();
    const { userId } = await createStaffMember({ actor, ...newStaff("a.desactiver@mairie.fr") });
    const db = await getDb();
    const before = await db.user.findUniqueOrThrow({ where: { id: userId } });

    await disableStaffMember({ actor, userId });
    const disabled = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(disabled.status).toBe("DISABLED");
    expect(disabled.sessionVersion).toBe(before.sessionVersion + 1);
    await expectAppError(disableStaffMember({ actor, userId }), "CONFLICT");

    await enableStaffMember({ actor, userId });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).status).toBe("ACTIVE");
    // Sorted by name: three writes within one millisecond would share a timestamp.
    const actions = (await db.auditEvent.findMany({ where: { targetId: userId } })).map((e) => e.action).sort();
    expect(actions).toEqual(["staff.create", "staff.disable", "staff.enable"]);
  });

  it("changes a role, but never an admin's own role or status", async () => {
    const actor = await createAdmin();
    const { userId } = await createStaffMember({ actor, ...newStaff("promu@mairie.fr") });
    await changeStaffRole({ actor, userId, role: "ADMIN" });
    const db = await getDb();
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).role).toBe("ADMIN");
    expect((await db.auditEvent.findFirstOrThrow({ where: { targetId: userId, action: "staff.role" } })).details).toMatchObject({
      from: "Agent",
      to: "Administrateur",
    });
    await expectAppError(changeStaffRole({ actor, userId, role: "ADMIN" }), "CONFLICT");

    await expectAppError(changeStaffRole({ actor, userId: actor.id, role: "STAFF" }), "FORBIDDEN");
    await expectAppError(disableStaffMember({ actor, userId: actor.id }), "FORBIDDEN");
    expect(await db.user.findUniqueOrThrow({ where: { id: actor.id } })).toMatchObject({ role: "ADMIN", status: "ACTIVE" });
  });

  it("is for admins only", async () => {
    const admin = await createAdmin();
    const { userId } = await createStaffMember({ actor: admin, ...newStaff("agent@mairie.fr") });
    const agent = { id: userId, role: "STAFF" as const };
    await expectAppError(createStaffMember({ actor: agent, ...newStaff("autre@mairie.fr") }), "FORBIDDEN");
    await expectAppError(disableStaffMember({ actor: agent, userId: admin.id }), "FORBIDDEN");
  });

  it("re-sends an invitation only while no password has been chosen", async () => {
    const actor = await createAdmin();
    const { userId } = await createStaffMember({ actor, ...newStaff("relance@mairie.fr") });
    expect(await resendStaffInvitation({ actor, userId })).toEqual({ emailSent: true });
    const db = await getDb();
    // The new link replaces the first one.
    expect(await db.token.count({ where: { userId, usedAt: null } })).toBe(1);

    await db.password.create({ data: { userId, hash: await hashPassword("Motdepasse-2026") } });
    await expectAppError(resendStaffInvitation({ actor, userId }), "CONFLICT");
  });
});
