import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createElement } from "react";
import { PasswordChangedEmail, PasswordResetEmail, PREVIEW_SETTINGS, RegistrationConfirmEmail } from "@/components/emails";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { MailDeliveryError, outboxDir, sendEmail } from "./index";
import { listOutbox, readLatestEmailTo, readOutboxMessage } from "./outbox";

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

const url = "https://famille.exemple.fr/inscription/confirmer?token=secret-123";

describe("sendEmail to the outbox", () => {
  it("writes the HTML and text versions, logs the message, and finds it by recipient", async () => {
    await sendEmail({
      to: "Parent.Test@exemple.fr",
      subject: "Inscription Portail Famille",
      template: "registration-confirm",
      element: createElement(RegistrationConfirmEmail, { settings: PREVIEW_SETTINGS, url }),
    });

    const files = (await readdir(outboxDir())).filter((f) => f.endsWith(".json"));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{6}\.\d{3}Z-[0-9a-f]{8}\.json$/);
    const stored = JSON.parse(await readFile(path.join(outboxDir(), files[0]), "utf8"));
    expect(stored).toMatchObject({
      to: "Parent.Test@exemple.fr",
      subject: "Inscription Portail Famille",
      template: "registration-confirm",
      from: "Portail Famille <no-reply@localhost>",
    });
    expect(stored.html).toContain(`href="${url}"`);
    expect(stored.html).toContain("Confirmer inscription");
    expect(stored.html).toContain("Portail citoyen Communauté de communes Les Avant-Monts");
    expect(stored.text).toContain("Veuillez confirmer votre inscription en cliquant sur le lien ci-dessous :");
    expect(stored.text).toContain(url);
    expect(stored.text).toContain("48 heures");
    expect(stored.text).not.toContain("<");
    // The address is spelled out once in the text version, beside its link.
    expect(stored.text.split(url)).toHaveLength(2);

    const db = await getDb();
    const row = await db.emailMessage.findFirstOrThrow({ where: { to: "Parent.Test@exemple.fr" } });
    expect(row).toMatchObject({ driver: "outbox", template: "registration-confirm", providerId: stored.id, error: null });

    const latest = await readLatestEmailTo("parent.test@EXEMPLE.fr", outboxDir());
    expect(latest?.id).toBe(stored.id);
    expect(await readOutboxMessage(stored.id, outboxDir())).toEqual(latest);
    expect(await readLatestEmailTo("personne@exemple.fr", outboxDir())).toBeNull();
  });

  it("lists messages newest first and ignores ids that could leave the folder", async () => {
    for (const n of [1, 2]) {
      await sendEmail({
        to: "ordre@exemple.fr",
        subject: `Message ${n}`,
        template: "password-changed",
        element: createElement(PasswordChangedEmail, { settings: PREVIEW_SETTINGS, firstName: "Marie" }),
      });
    }
    const mine = (await listOutbox(outboxDir())).filter((m) => m.to === "ordre@exemple.fr");
    expect(mine.map((m) => m.subject)).toEqual(["Message 2", "Message 1"]);
    expect((await readLatestEmailTo("ordre@exemple.fr", outboxDir()))?.subject).toBe("Message 2");
    expect(await readOutboxMessage("../../package", outboxDir())).toBeNull();
  });
});

describe("sendEmail through Resend", () => {
  it("sends and records the provider id", async () => {
    process.env.RESEND_API_KEY = "re_test";
    resetEnvForTests();
    resendSend.mockResolvedValue({ data: { id: "resend-42" }, error: null, headers: null });
    await sendEmail({
      to: "envoi@exemple.fr",
      subject: "Réinitialisation de votre mot de passe",
      template: "password-reset",
      element: createElement(PasswordResetEmail, { settings: PREVIEW_SETTINGS, url }),
    });
    expect(resendSend).toHaveBeenCalledWith(
      expect.objectContaining({ to: "envoi@exemple.fr", html: expect.stringContaining(url), text: expect.stringContaining(url) }),
    );
    const db = await getDb();
    expect(await db.emailMessage.findFirstOrThrow({ where: { to: "envoi@exemple.fr" } })).toMatchObject({
      driver: "resend",
      providerId: "resend-42",
      error: null,
    });
  });

  it("records the error and throws when Resend refuses", async () => {
    process.env.RESEND_API_KEY = "re_test";
    resetEnvForTests();
    resendSend.mockResolvedValue({
      data: null,
      error: { name: "validation_error", message: "Invalid `to` field" },
      headers: null,
    });
    await expect(
      sendEmail({
        to: "refus@exemple.fr",
        subject: "Test",
        template: "password-changed",
        element: createElement(PasswordChangedEmail, { settings: PREVIEW_SETTINGS, firstName: "Marie" }),
      }),
    ).rejects.toBeInstanceOf(MailDeliveryError);
    const db = await getDb();
    const row = await db.emailMessage.findFirstOrThrow({ where: { to: "refus@exemple.fr" } });
    expect(row.driver).toBe("resend");
    expect(row.error).toContain("Invalid `to` field");
    expect(await readLatestEmailTo("refus@exemple.fr", outboxDir())).toBeNull();
  });
});
