import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { registerAccount, requestPasswordReset, resetPassword } from "@/lib/accounts/register";
import { rejectAccount } from "@/lib/accounts/review";
import { RegistrationSchema } from "@/lib/accounts/schemas";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { createAccount } from "@/lib/factories";
import { requestEmailChange } from "@/lib/families/account";
import { acceptUpload } from "@/lib/files";
import { deliverQueuedEmails } from "@/lib/mail";

// Resend is down for every test of this file.
const resendSend = vi.hoisted(() => vi.fn());
vi.mock("resend", () => ({
  Resend: class {
    emails = { send: resendSend };
  },
}));

beforeEach(() => {
  process.env.RESEND_API_KEY = "re_test";
  process.env.MAIL_FROM = "Portail Famille <no-reply@exemple.fr>";
  resetEnvForTests();
  resendSend.mockRejectedValue(new TypeError("fetch failed"));
});

afterEach(() => {
  delete process.env.RESEND_API_KEY;
  resetEnvForTests();
  resendSend.mockReset();
});

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

async function queuedTo(to: string) {
  const db = await getDb();
  return db.emailMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
}

describe("a mail outage never turns committed work into an error", () => {
  it("registration succeeds and its confirmation email waits in the queue, then goes once Resend is back", async () => {
    const upload = await acceptUpload({ bytes: PDF, name: "cni.pdf", address: "outage-register" });
    const input = RegistrationSchema.parse({
      civility: "MME",
      birthDate: "1988-06-15",
      lastName: "Durand",
      firstName: "Alice",
      mobile: "06 12 34 56 78",
      email: "panne.inscription@exemple.fr",
      fileId: upload.fileId,
      fileClaim: upload.claim,
      password: "Bonjour-2026",
      passwordConfirmation: "Bonjour-2026",
      acceptCgu: true,
    });
    await expect(registerAccount(input, { address: "outage-register" })).resolves.toBeUndefined();

    const db = await getDb();
    expect(await db.user.findUnique({ where: { email: input.email } })).toMatchObject({ status: "PENDING_EMAIL" });
    const [message] = await queuedTo(input.email);
    expect(message).toMatchObject({ template: "registration-confirm", status: "QUEUED", attempts: 1 });
    expect(message.error).toContain("fetch failed");

    resendSend.mockReset().mockResolvedValue({ data: { id: "resend-back" }, error: null, headers: null });
    expect(await deliverQueuedEmails({ now: message.nextAttemptAt! })).toMatchObject({ sent: 1 });
    expect((await queuedTo(input.email))[0]).toMatchObject({ status: "SENT", providerId: "resend-back" });
  });

  it("a password reset answers the same and the new password is saved", async () => {
    const db = await getDb();
    const user = await createAccount(db, {
      email: "panne.reset@exemple.fr",
      password: "Ancien-2026",
      firstName: "R",
      lastName: "S",
    });
    await expect(requestPasswordReset(user.email, { address: "outage-reset" })).resolves.toBeUndefined();
    const [resetMail] = await queuedTo(user.email);
    expect(resetMail).toMatchObject({ template: "password-reset", status: "QUEUED", attempts: 1 });

    // The link waiting in the queue still works once it reaches the parent.
    const secret = decodeURIComponent(/token=([^"&]+)/.exec(resetMail.html)![1]);
    await expect(resetPassword(secret, "Nouveau-2026")).resolves.toBeUndefined();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion + 1);
    expect((await queuedTo(user.email)).map((m) => [m.template, m.status])).toEqual([
      ["password-reset", "QUEUED"],
      ["password-changed", "QUEUED"],
    ]);
  });

  it("an email change request is saved, its confirmation queued", async () => {
    const db = await getDb();
    const user = await createAccount(db, { email: "panne.ancienne@exemple.fr", firstName: "E", lastName: "C" });
    await expect(requestEmailChange({ userId: user.id, email: "panne.nouvelle@exemple.fr" })).resolves.toBeUndefined();
    expect(await db.token.count({ where: { userId: user.id, purpose: "EMAIL_CHANGE" } })).toBe(1);
    expect((await queuedTo("panne.nouvelle@exemple.fr"))[0]).toMatchObject({ template: "email-change", status: "QUEUED" });
  });

  it("a staff decision is committed and reports that the parent was not told yet", async () => {
    const db = await getDb();
    const agent = await createAccount(db, { email: "panne.agent@exemple.fr", firstName: "A", lastName: "G", role: "STAFF" });
    const parent = await createAccount(db, {
      email: "panne.refus@exemple.fr",
      firstName: "P",
      lastName: "R",
      status: "PENDING_REVIEW",
    });
    const outcome = await rejectAccount({
      actor: { id: agent.id, role: "STAFF" },
      userId: parent.id,
      reason: "Pièce d'identité illisible.",
    });
    expect(outcome).toEqual({ userId: parent.id, emailSent: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: parent.id } })).status).toBe("REJECTED");
    expect((await queuedTo(parent.email))[0]).toMatchObject({ template: "account-rejected", status: "QUEUED", attempts: 1 });
  });
});
