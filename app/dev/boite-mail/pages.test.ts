import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PasswordResetEmail, PREVIEW_SETTINGS } from "@/lib/mail/templates";
import { resetEnvForTests } from "@/lib/env";
import { outboxDir, sendEmail } from "@/lib/mail";
import { listOutbox } from "@/lib/mail/outbox";
import DevMailPage from "./[id]/page";
import DevMailboxPage from "./page";

function asDevelopment() {
  vi.stubEnv("NODE_ENV", "development");
  resetEnvForTests();
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

async function notFoundOf(render: () => Promise<unknown>) {
  const error = await render().then(
    () => null,
    (e: unknown) => e,
  );
  return (error as { digest?: string } | null)?.digest ?? null;
}

describe("development mailbox", () => {
  it("does not exist outside development", async () => {
    expect(await notFoundOf(() => DevMailboxPage())).toMatch(/404/);
    expect(await notFoundOf(() => DevMailPage({ params: Promise.resolve({ id: "x" }) }))).toMatch(/404/);
  });

  it("lists messages and shows one with its HTML sandboxed and its text", async () => {
    const sent = await sendEmail({
      to: "boite@exemple.fr",
      subject: "Réinitialisation de votre mot de passe",
      template: "password-reset",
      element: createElement(PasswordResetEmail, {
        settings: PREVIEW_SETTINGS,
        url: "https://famille.exemple.fr/mot-de-passe/nouveau?token=a&b=1",
      }),
    });
    expect(sent).toBe(true);
    const [message] = await listOutbox(outboxDir());
    asDevelopment();

    const list = renderToStaticMarkup(await DevMailboxPage());
    expect(list).toContain("Boîte mail de développement");
    expect(list).toContain("<caption");
    expect(list).toContain('scope="col"');
    expect(list).toContain("boite@exemple.fr");
    expect(list).toContain(`href="/dev/boite-mail/${message.id}"`);

    const page = renderToStaticMarkup(await DevMailPage({ params: Promise.resolve({ id: message.id }) }));
    expect(page).toMatch(/<iframe sandbox="" srcDoc="[^"]*Choisir un nouveau mot de passe/);
    expect(page).toContain("https://famille.exemple.fr/mot-de-passe/nouveau?token=a&amp;b=1");
    expect(page).toContain("Version texte");

    expect(await notFoundOf(() => DevMailPage({ params: Promise.resolve({ id: "../../package" }) }))).toMatch(/404/);
  });
});
