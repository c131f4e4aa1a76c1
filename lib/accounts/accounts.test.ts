import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authenticate, BAD_CREDENTIALS, EMAIL_NOT_CONFIRMED, THROTTLED } from "@/lib/accounts/authenticate";
import { confirmEmail, registerAccount, requestPasswordReset, resetPassword } from "@/lib/accounts/register";
import { RegistrationSchema } from "@/lib/accounts/schemas";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { acceptUpload } from "@/lib/files";
import { createAccount } from "@/lib/factories";
import { readLatestEmailTo } from "@/lib/mail/outbox";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

let counter = 0;
async function registration(overrides: Record<string, unknown> = {}) {
  counter += 1;
  const upload = await acceptUpload({ bytes: PDF, name: "cni.pdf", address: `test-${counter}` });
  return RegistrationSchema.parse({
    civility: "MME",
    birthDate: "1988-06-15",
    lastName: "Durand",
    firstName: "Alice",
    mobile: "06 12 34 56 78",
    email: `alice${counter}@exemple.fr`,
    fileId: upload.fileId,
    fileClaim: upload.claim,
    password: "Bonjour-2026",
    passwordConfirmation: "Bonjour-2026",
    acceptCgu: true,
    ...overrides,
  });
}

const secretFrom = (html: string) => decodeURIComponent(/token=([^"&]+)/.exec(html)![1]);

describe("registration", () => {
  it("creates an account waiting for its email, with its identity document and a confirmation link", async () => {
    const input = await registration();
    await registerAccount(input, { address: "a" });
    const db = await getDb();
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email }, include: { identityFile: true } });
    expect(user.status).toBe("PENDING_EMAIL");
    expect(user.identifiant).toMatch(/^[0-9a-f]{8}$/);
    expect(user.lastName).toBe("DURAND");
    expect(user.identityFile?.status).toBe("ATTACHED");
    const mail = await readLatestEmailTo(input.email);
    expect(mail?.subject).toBe("Inscription Portail Famille");
    expect(mail?.html).toContain("Confirmer inscription");

    await expect(authenticate({ login: input.email, password: "Bonjour-2026", address: "a" })).rejects.toThrow(
      EMAIL_NOT_CONFIRMED,
    );
    const secret = secretFrom(mail!.html);
    await confirmEmail(secret);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("PENDING_REVIEW");
    await expect(confirmEmail(secret)).rejects.toThrow(/plus valide/);
    const signedIn = await authenticate({ login: user.identifiant.toUpperCase(), password: "Bonjour-2026", address: "a" });
    expect(signedIn.id).toBe(user.id);
  });

  it("never reveals an existing address: its owner is told, nothing is created, the document is dropped", async () => {
    const first = await registration();
    await registerAccount(first, { address: "b" });
    const again = await registration({ email: first.email.toUpperCase(), firstName: "Intrus" });
    await registerAccount(again, { address: "b" });
    const db = await getDb();
    expect(await db.user.count({ where: { email: first.email } })).toBe(1);
    expect(await db.storedFile.findUnique({ where: { id: again.fileId } })).toBeNull();
    const mail = await readLatestEmailTo(first.email);
    expect(mail?.text).toContain("déjà un compte");
  });

  it("refuses a document claim that does not match", async () => {
    const input = await registration();
    await expect(registerAccount({ ...input, fileClaim: "forged" }, { address: "c" })).rejects.toThrow(/retrouvé/);
    const db = await getDb();
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
  });

  it("expires confirmation links", async () => {
    const input = await registration();
    await registerAccount(input, { address: "d" });
    const db = await getDb();
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    await db.token.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const mail = await readLatestEmailTo(input.email);
    await expect(confirmEmail(secretFrom(mail!.html))).rejects.toThrow(/expiré/);
  });

  it("validates the form with French messages", () => {
    const result = RegistrationSchema.safeParse({
      civility: "M",
      birthDate: "2999-01-01",
      lastName: "",
      firstName: "Jean",
      email: "pas-un-email",
      password: "court",
      passwordConfirmation: "autre",
      acceptCgu: false,
    });
    expect(result.success).toBe(false);
    const messages: Record<string, string> = {};
    for (const issue of result.error!.issues) messages[issue.path.join(".")] ??= issue.message;
    expect(messages.birthDate).toBe("La date de naissance n'est pas valide.");
    expect(messages.lastName).toBe("Indiquez votre nom de famille.");
    expect(messages.email).toMatch(/n'est pas valide/);
    expect(messages.password).toMatch(/au moins 10 caractères/);
    expect(messages.fileId).toBe("La pièce d'identité est obligatoire.");
    expect(messages.acceptCgu).toMatch(/conditions générales/);
  });

  it("needs one phone number and normalises French numbers", () => {
    const base = {
      civility: "M",
      birthDate: "1980-01-01",
      lastName: "Petit",
      firstName: "Jean",
      email: "jean@exemple.fr",
      fileId: "f",
      fileClaim: "c",
      password: "Bonjour-2026",
      passwordConfirmation: "Bonjour-2026",
      acceptCgu: true,
    };
    const none = RegistrationSchema.safeParse(base);
    expect(none.error?.issues[0].message).toBe("Indiquez au moins un numéro de téléphone (fixe ou portable).");
    expect(RegistrationSchema.parse({ ...base, phone: "+33 4.67.11.22.33" }).phone).toBe("04 67 11 22 33");
    expect(RegistrationSchema.safeParse({ ...base, mobile: "12345" }).success).toBe(false);
  });
});

describe("sign-in", () => {
  it("answers alike for an unknown login and a wrong password, and throttles both", async () => {
    const db = await getDb();
    await createAccount(db, { email: "throttle@exemple.fr", password: "Bonjour-2026", firstName: "T", lastName: "T" });
    for (let i = 0; i < env().login.maxPerAccount; i++) {
      await expect(authenticate({ login: "throttle@exemple.fr", password: "faux", address: "x" })).rejects.toThrow(BAD_CREDENTIALS);
      await expect(authenticate({ login: "nobody@exemple.fr", password: "faux", address: "y" })).rejects.toThrow(BAD_CREDENTIALS);
    }
    await expect(authenticate({ login: "throttle@exemple.fr", password: "Bonjour-2026", address: "x" })).rejects.toThrow(THROTTLED);
    await expect(authenticate({ login: "nobody@exemple.fr", password: "faux", address: "y" })).rejects.toThrow(THROTTLED);
  });

  it("throttles one address trying many logins", async () => {
    for (let i = 0; i < env().login.maxPerAddress; i++) {
      await expect(authenticate({ login: `x${i}@exemple.fr`, password: "faux", address: "attacker" })).rejects.toThrow(
        BAD_CREDENTIALS,
      );
    }
    await expect(authenticate({ login: "autre@exemple.fr", password: "faux", address: "attacker" })).rejects.toThrow(THROTTLED);
  });

  it("refuses disabled and rejected accounts only once the password is right", async () => {
    const db = await getDb();
    await createAccount(db, { email: "off@exemple.fr", password: "Bonjour-2026", firstName: "O", lastName: "F", status: "DISABLED" });
    await expect(authenticate({ login: "off@exemple.fr", password: "faux", address: "z" })).rejects.toThrow(BAD_CREDENTIALS);
    await expect(authenticate({ login: "off@exemple.fr", password: "Bonjour-2026", address: "z" })).rejects.toThrow(/désactivé/);
  });
});

describe("password reset", () => {
  it("sends a single-use link that sets the password and ends existing sessions", async () => {
    const db = await getDb();
    const user = await createAccount(db, { email: "reset@exemple.fr", password: "Ancien-2026", firstName: "R", lastName: "S" });
    await requestPasswordReset(user.identifiant, { address: "r" });
    const mail = await readLatestEmailTo("reset@exemple.fr");
    const secret = secretFrom(mail!.html);
    await resetPassword(secret, "Nouveau-2026");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    await expect(authenticate({ login: "reset@exemple.fr", password: "Ancien-2026", address: "r" })).rejects.toThrow(BAD_CREDENTIALS);
    await authenticate({ login: "reset@exemple.fr", password: "Nouveau-2026", address: "r" });
    await expect(resetPassword(secret, "Encore-2026")).rejects.toThrow(/plus valide/);
  });

  it("sends nothing for an unknown login", async () => {
    const dir = path.join(env().dataDir, "outbox");
    const before = fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
    await requestPasswordReset("inconnu@exemple.fr", { address: "r2" });
    const after = fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
    expect(after).toBe(before);
  });
});
