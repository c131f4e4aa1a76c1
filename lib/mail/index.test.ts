import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createElement } from "react";
import { PasswordChangedEmail, PasswordResetEmail, PREVIEW_SETTINGS, RegistrationConfirmEmail } from "@/lib/mail/templates";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { createAccount } from "@/lib/factories";
import { runMaintenance } from "@/lib/maintenance";
import { deliverQueuedEmails, MAX_ATTEMPTS, outboxDir, queueEmail, sendEmail, type EmailInput } from "./index";
import { listOutbox, readLatestEmailTo, readOutboxMessage } from "./outbox";
import { countUndeliveredEmails, listUndeliveredEmails, retryEmail } from "./staff";

const resendSend = vi.hoisted(() => vi.fn());
vi.mock("resend", () => ({
  Resend: class {
    emails = { send: resendSend };
  },
}));

afterEach(() => {
  delete process.env.RESEND_API_KEY;
  resetEnvForTests();
  resendSend.mockReset();
});

function withResend() {
  process.env.RESEND_API_KEY = "re_test";
  process.env.MAIL_FROM = "Portail Famille <no-reply@exemple.fr>";
  resetEnvForTests();
}

const refused = { data: null, error: { name: "application_error", message: "Service unavailable" }, headers: null };
const accepted = (id: string) => ({ data: { id }, error: null, headers: null });

const url = "https://famille.exemple.fr/inscription/confirmer?token=secret-123";

const message = (to: string, subject = "Test"): EmailInput => ({
  to,
  subject,
  template: "password-changed",
  element: createElement(PasswordChangedEmail, { settings: PREVIEW_SETTINGS, firstName: "Marie" }),
});

const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

async function queue(input: EmailInput, now?: Date) {
  const db = await getDb();
  return db.$transaction((tx) => queueEmail(tx, input, now));
}

describe("sendEmail to the outbox", () => {
  it("writes the HTML and text versions, logs the message, and finds it by recipient", async () => {
    expect(
      await sendEmail({
        to: "Parent.Test@exemple.fr",
        subject: "Inscription Portail Famille",
        template: "registration-confirm",
        element: createElement(RegistrationConfirmEmail, { settings: PREVIEW_SETTINGS, url }),
      }),
    ).toBe(true);

    const files = (await readdir(outboxDir())).filter((f) => f.endsWith(".json"));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{6}\.\d{3}Z-[0-9a-f]{8}\.json$/);
    const stored = JSON.parse(await readFile(path.join(outboxDir(), files[0]), "utf8"));
    expect(stored).toMatchObject({
      to: "Parent.Test@exemple.fr",
      subject: "Inscription Portail Famille",
      template: "registration-confirm",
      // No settings row yet: the fallback authority name, the address MAIL_FROM gives.
      from: '"Service Enfance-Jeunesse" <no-reply@localhost>',
    });
    expect(stored.html).toContain(`href="${url}"`);
    expect(stored.html).toContain("Confirmer inscription");
    expect(stored.html).toContain("Portail Famille — Communauté de communes Les Avant-Monts");
    expect(stored.html).toContain("<title>Inscription Portail Famille</title></head>");
    expect(stored.text).toContain("Veuillez confirmer votre inscription en cliquant sur le lien ci-dessous :");
    expect(stored.text).toContain(url);
    expect(stored.text).toContain("48 heures");
    expect(stored.text).not.toContain("<");
    // The address is spelled out once in the text version, beside its link.
    expect(stored.text.split(url)).toHaveLength(2);

    const db = await getDb();
    const row = await db.emailMessage.findFirstOrThrow({ where: { to: "Parent.Test@exemple.fr" } });
    expect(row).toMatchObject({
      status: "SENT",
      attempts: 1,
      driver: "outbox",
      template: "registration-confirm",
      providerId: stored.id,
      error: null,
      nextAttemptAt: null,
    });
    expect(row.sentAt).not.toBeNull();
    // The link is single-use and only kept hashed in the token table: the log does not keep the body.
    expect(row.html).toBe("");
    expect(row.text).toBe("");

    const latest = await readLatestEmailTo("parent.test@EXEMPLE.fr", outboxDir());
    expect(latest?.id).toBe(stored.id);
    expect(await readOutboxMessage(stored.id, outboxDir())).toEqual(latest);
    expect(await readLatestEmailTo("personne@exemple.fr", outboxDir())).toBeNull();
  });

  it("lists messages newest first and ignores ids that could leave the folder", async () => {
    for (const n of [1, 2]) await sendEmail(message("ordre@exemple.fr", `Message ${n}`));
    const mine = (await listOutbox(outboxDir())).filter((m) => m.to === "ordre@exemple.fr");
    expect(mine.map((m) => m.subject)).toEqual(["Message 2", "Message 1"]);
    expect((await readLatestEmailTo("ordre@exemple.fr", outboxDir()))?.subject).toBe("Message 2");
    expect(await readOutboxMessage("../../package", outboxDir())).toBeNull();
  });
});

describe("the email queue", () => {
  it("sends nothing for a transaction that rolled back", async () => {
    const db = await getDb();
    await expect(
      db.$transaction(async (tx) => {
        await queueEmail(tx, message("annule@exemple.fr"));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.emailMessage.count({ where: { to: "annule@exemple.fr" } })).toBe(0);
    await deliverQueuedEmails();
    expect(await readLatestEmailTo("annule@exemple.fr", outboxDir())).toBeNull();
  });

  it("keeps a queued message until it is delivered, and only delivers the ids asked for", async () => {
    const db = await getDb();
    const a = await queue(message("file-a@exemple.fr"));
    const b = await queue(message("file-b@exemple.fr"));
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: "QUEUED",
      attempts: 0,
      sentAt: null,
    });
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: a.id } })).html).toContain("Marie");

    expect(await deliverQueuedEmails({ ids: [a.id] })).toEqual({ sent: 1, failed: 0 });
    expect(await readLatestEmailTo("file-a@exemple.fr", outboxDir())).not.toBeNull();
    expect(await readLatestEmailTo("file-b@exemple.fr", outboxDir())).toBeNull();
    // Delivered once: asking again sends nothing.
    expect(await deliverQueuedEmails({ ids: [a.id] })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverQueuedEmails({ ids: [] })).toEqual({ sent: 0, failed: 0 });

    const report = await runMaintenance();
    expect(report.emails).toBeGreaterThanOrEqual(1);
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("SENT");
  });

  it("delivers at once a message queued under a clock ahead of the real one", async () => {
    const { id } = await queue(message("avance@exemple.fr"), minutes(new Date(), 60));
    expect(await deliverQueuedEmails({ ids: [id] })).toEqual({ sent: 1, failed: 0 });
  });

  it("sends through Resend and records the provider id", async () => {
    withResend();
    resendSend.mockResolvedValue(accepted("resend-42"));
    expect(
      await sendEmail({
        to: "envoi@exemple.fr",
        subject: "Réinitialisation de votre mot de passe",
        template: "password-reset",
        element: createElement(PasswordResetEmail, { settings: PREVIEW_SETTINGS, url }),
      }),
    ).toBe(true);
    const db = await getDb();
    const row = await db.emailMessage.findFirstOrThrow({ where: { to: "envoi@exemple.fr" } });
    expect(resendSend).toHaveBeenCalledWith(
      expect.objectContaining({
        from: '"Service Enfance-Jeunesse" <no-reply@exemple.fr>',
        to: "envoi@exemple.fr",
        html: expect.stringContaining(url),
        text: expect.stringContaining(url),
      }),
      { idempotencyKey: `email-message/${row.id}` },
    );
    expect(row).toMatchObject({ status: "SENT", driver: "resend", providerId: "resend-42", error: null });
    expect(await readLatestEmailTo("envoi@exemple.fr", outboxDir())).toBeNull();
  });

  it("keeps a refused message queued without throwing, retries it after the delay, and sends it", async () => {
    withResend();
    const db = await getDb();
    const t0 = new Date();
    const { id } = await queue(message("panne@exemple.fr"), t0);

    resendSend.mockResolvedValue(refused);
    expect(await deliverQueuedEmails({ ids: [id], now: t0 })).toEqual({ sent: 0, failed: 1 });
    const afterFailure = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(afterFailure).toMatchObject({ status: "QUEUED", attempts: 1, driver: "resend", sentAt: null });
    expect(afterFailure.error).toContain("Service unavailable");
    expect(afterFailure.nextAttemptAt).toEqual(minutes(t0, 1));
    expect(await countUndeliveredEmails()).toBe(1);

    // A thrown network error is a failure like any other.
    resendSend.mockRejectedValue(new TypeError("fetch failed"));
    expect(await deliverQueuedEmails({ now: minutes(t0, 0.5) })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverQueuedEmails({ now: minutes(t0, 1) })).toEqual({ sent: 0, failed: 1 });
    const second = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(second).toMatchObject({ status: "QUEUED", attempts: 2, error: "TypeError: fetch failed" });
    expect(second.nextAttemptAt).toEqual(minutes(t0, 6));

    resendSend.mockResolvedValue(accepted("resend-retry"));
    expect(await deliverQueuedEmails({ now: minutes(t0, 5) })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverQueuedEmails({ now: minutes(t0, 6) })).toEqual({ sent: 1, failed: 0 });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SENT",
      attempts: 3,
      providerId: "resend-retry",
      error: null,
      sentAt: minutes(t0, 6),
    });
    expect(resendSend).toHaveBeenCalledTimes(3);
    expect(await countUndeliveredEmails()).toBe(0);
  });

  it(`gives up after ${MAX_ATTEMPTS} failures, shows the message to staff, and staff can send it again`, async () => {
    withResend();
    const db = await getDb();
    resendSend.mockResolvedValue(refused);
    let now = new Date();
    const { id } = await queue(message("abandon@exemple.fr", "Votre compte est activé"), now);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await deliverQueuedEmails({ now })).toEqual({ sent: 0, failed: 1 });
      const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) now = row.nextAttemptAt!;
    }
    const failed = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect(await deliverQueuedEmails({ now: minutes(now, 24 * 60) })).toEqual({ sent: 0, failed: 0 });
    expect(resendSend).toHaveBeenCalledTimes(MAX_ATTEMPTS);

    expect(await listUndeliveredEmails()).toEqual([
      expect.objectContaining({
        id,
        to: "abandon@exemple.fr",
        subject: "Votre compte est activé",
        status: "FAILED",
        attempts: MAX_ATTEMPTS,
        error: expect.stringContaining("Service unavailable"),
      }),
    ]);

    const agent = await createAccount(db, {
      email: "agent-mail@exemple.fr",
      password: "Agent-2026",
      firstName: "A",
      lastName: "G",
      role: "STAFF",
    });
    const parent = await createAccount(db, { email: "parent-mail@exemple.fr", password: "Parent-2026", firstName: "P", lastName: "A" });
    await expect(retryEmail({ actor: { id: parent.id, role: "PARENT" }, emailId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    resendSend.mockResolvedValue(accepted("resend-staff"));
    expect(await retryEmail({ actor: { id: agent.id, role: "STAFF" }, emailId: id })).toEqual({ sent: true });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SENT",
      providerId: "resend-staff",
    });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "email.retry", targetId: id } })).toMatchObject({
      actorId: agent.id,
      targetType: "EmailMessage",
    });
    expect(await countUndeliveredEmails()).toBe(0);
    // Sent: nothing to send again.
    await expect(retryEmail({ actor: { id: agent.id, role: "STAFF" }, emailId: id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(retryEmail({ actor: { id: agent.id, role: "STAFF" }, emailId: "inconnu" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("sends a message once when two deliveries run at the same time", async () => {
    withResend();
    const db = await getDb();
    // A slow provider, so that both runs are in flight together.
    resendSend.mockImplementation(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return accepted(`resend-${resendSend.mock.calls.length}`);
    });
    const ids = [];
    for (const n of [1, 2, 3]) ids.push((await queue(message(`concurrent-${n}@exemple.fr`))).id);

    const [a, b] = await Promise.all([deliverQueuedEmails({ ids }), deliverQueuedEmails()]);
    expect(a.sent + b.sent).toBe(3);
    expect(a.failed + b.failed).toBe(0);
    expect(resendSend).toHaveBeenCalledTimes(3);
    const sentTo = resendSend.mock.calls.map(([payload]) => (payload as { to: string }).to).sort();
    expect(sentTo).toEqual(["concurrent-1@exemple.fr", "concurrent-2@exemple.fr", "concurrent-3@exemple.fr"]);
    expect(await db.emailMessage.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(3);
  });
});

describe("the sender", () => {
  it("is the authority's name from its settings, quoted, at the address MAIL_FROM gives", async () => {
    const db = await getDb();
    const name = 'Syndicat "Les Trois Vallées", Val Fleuri';
    await db.authoritySettings.create({
      data: {
        name,
        address1: "1 place de la Mairie",
        postalCode: "34000",
        city: "Val Fleuri",
        phone: "",
        email: "",
        openingHours: {},
        legalNotice: "",
        accessibility: "",
        cgu: "",
        userGuide: "",
      },
    });
    try {
      expect(await sendEmail(message("expediteur@exemple.fr", "Objet"))).toBe(true);
      // The address is MAIL_FROM's, whichever an earlier test set.
      expect((await readLatestEmailTo("expediteur@exemple.fr", outboxDir()))?.from).toMatch(
        /^"Syndicat \\"Les Trois Vallées\\", Val Fleuri" <no-reply@[a-z.]+>$/,
      );
    } finally {
      await db.authoritySettings.deleteMany();
    }
  });
});
