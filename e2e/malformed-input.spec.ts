import { expect, test } from "@playwright/test";

// Finding 7 of the security review: bad input answers 400/404 (or a French
// form error), never 500. Anonymous, and with a forged session cookie so the
// private pages' own code runs rather than the sign-in redirect.

const PATHS = [
  "/factures/%00/pdf",
  "/factures/%E0%A4%A/pdf",
  "/factures/avoirs/%C0%AF/pdf",
  "/admin/familles/%",
  "/api/fichiers/%E0%A4%A",
  "/api/fichiers/%00",
  "/demandes/reservation/%00",
  "/mon-espace/membres/%FF",
  "/accueil?q=%00",
  "/accueil?q=%E0%A4%A",
  "/admin/familles?q=%00",
  "/inscription/confirmer?erreur=%3Cscript%3E",
  "/inscription/confirmer?token=%00",
  "/payer?identifiant=%00",
  `/payer?identifiant=${"A".repeat(5000)}`,
];

const FORGED = { cookie: "authjs.session-token=forged" };

test("no malformed URL answers 500", async ({ request }) => {
  for (const path of PATHS) {
    for (const headers of [{}, FORGED]) {
      const response = await request.get(path, { headers, maxRedirects: 0 });
      expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBeLessThan(500);
    }
  }
  const undecodable = await request.get("/factures/%E0%A4%A/pdf", { headers: FORGED, maxRedirects: 0 });
  expect(undecodable.status()).toBe(400);
  expect(await undecodable.text()).toBe("Adresse invalide.");
});

/** The id of the first server action a page's form posts to, as its script-less form carries it. */
async function actionIdOf(request: import("@playwright/test").APIRequestContext, path: string): Promise<string | null> {
  const html = await (await request.get(path)).text();
  return /&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/.exec(html)?.[1] ?? null;
}

test("no malformed server action answers 500", async ({ request, baseURL }) => {
  const bodies: { name: string; headers: Record<string, string>; data: string | Buffer }[] = [
    { name: "empty", headers: { "content-type": "text/plain;charset=UTF-8" }, data: "" },
    { name: "a number", headers: { "content-type": "text/plain;charset=UTF-8" }, data: "1" },
    { name: "broken JSON", headers: { "content-type": "text/plain;charset=UTF-8" }, data: "[1," },
    { name: "a NUL", headers: { "content-type": "text/plain;charset=UTF-8" }, data: "\u0000" },
    { name: "broken multipart", headers: { "content-type": "multipart/form-data; boundary=zz" }, data: "--zz\r\nbroken" },
    { name: "over 2 MB", headers: { "content-type": "text/plain;charset=UTF-8" }, data: `["${"a".repeat(2_200_000)}"]` },
  ];
  const paths = ["/connexion", "/payer", "/mot-de-passe/oublie"];
  const ids = await Promise.all(paths.map((path) => actionIdOf(request, path)));
  // The sign-in form at least is a real action: the bodies below reach Next's decoding, not its "unknown action" answer.
  expect(ids[0]).toBeTruthy();
  for (const [i, path] of paths.entries()) {
    const action = { "next-action": ids[i] ?? "7f".padEnd(42, "0"), origin: baseURL! };
    for (const body of bodies) {
      const response = await request.post(path, { headers: { ...action, ...body.headers }, data: body.data, maxRedirects: 0 });
      expect(response.status(), `${path}: ${body.name}`).toBeLessThan(500);
      expect([400, 413], `${path}: ${body.name}`).toContain(response.status());
    }
  }
});
