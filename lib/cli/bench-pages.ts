import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import pg from "pg";
import { openDatabase } from "@/lib/db/adapter";
import { newClient, setDb, type Db } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migrate";
import { parseDatabaseUrl } from "@/lib/db/url";
import { hashPassword } from "@/lib/auth/passwords";
import { recordCounterPayment } from "@/lib/billing/staff";
import { holdBookings } from "@/lib/bookings/hold";
import { createCanteen, createFamily, createStaffActor, newSubmissionKey, openDays, uniqueSuffix } from "@/lib/bookings/testing";
import { addMonths, daysOfMonth, dayToDate, isPastDeadline, monthOfDay, parisDay, publicHoliday, weekday, type Day } from "@/lib/dates";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createAccount } from "@/lib/factories";
import { FALLBACK_SETTINGS } from "@/lib/settings";
import { updateSettings } from "@/lib/settings/update";
import { benchLighthouse } from "./bench-lighthouse";
import { assertBuilt, benchDistDir, BuildMissing, createScratchDatabase, startNextServer, type NextServer } from "./bench-server";

// `npm run bench -- pages`: the parent pages and the booking rush over HTTP,
// against `next start` of a production build on a scratch database.
//
// Pages — the booking grid, the family calendar, Factures and Accueil, each loaded by 10
// connections whose requests rotate among the signed-in parents' session
// cookies, against the baseline page of the same build (app/bench: the root
// layout and one SELECT, no session). The two alternate, round after round,
// and every figure is the median of the rounds with its spread, as in the
// booking part: on a shared machine a noisy moment lands on one round.
// Every answer must be a 200 carrying the page's own content, not the
// sign-in page: anything else stops the benchmark.
//
// Rush — households validate a month of canteen days at once for scarce
// places by POSTing the résumé page's form as a browser without JavaScript
// does (the progressive-enhancement fields Next renders, multipart, Origin),
// against holdBookings called in this process at the same parallelism on a
// twin product with the same pool size: the ratio is what the web layer
// (proxy, session, action decoding, redirect or re-render) costs on top of
// the hold itself. After each run no slot may hold more active bookings
// than its capacity.

const PAGE_HOUSEHOLDS = Number(process.env.BENCH_PAGES_HOUSEHOLDS ?? 50);
const RUSH_HOUSEHOLDS = Number(process.env.BENCH_HTTP_HOUSEHOLDS ?? 64);
// Scarce: about six households in ten get their month.
const RUSH_CAPACITY = Number(process.env.BENCH_HTTP_CAPACITY ?? Math.ceil(RUSH_HOUSEHOLDS * 0.6));
const ROUNDS = Math.max(5, Number(process.env.BENCH_PAGES_ROUNDS ?? 5));
const SECONDS = Number(process.env.BENCH_PAGES_SECONDS ?? 4);
const WARMUP_SECONDS = Number(process.env.BENCH_PAGES_WARMUP_SECONDS ?? 2);
const CONNECTIONS = 10;
// The app's production default (lib/db/adapter.ts), for the server and the in-process hold alike.
const POOL_SIZE = Number(process.env.BENCH_PAGES_POOL_SIZE ?? 10);
const TARGET = 0.5;
const LIGHTHOUSE_RUNS = Math.max(3, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));
const PASSWORD = "Banc-essai-2026";

type Family = Awaited<ReturnType<typeof createFamily>>;
type Signed = Family & { cookie: string };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return 0;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : 0;
};
const spread = (xs: number[], digits: number) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
const fr = (x: number, digits: number) => x.toFixed(digits).replace(".", ",");

/** Runs `work` over `items` with at most `limit` at a time, in order of the items. */
async function inBatches<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}

// ---------------------------------------------------------------- seeding

/** A product open to every child (no site), priced by one tariff row, with its days of `days` open. */
async function openProduct(db: Db, serviceId: string, name: string, days: Day[], capacity: number) {
  const product = await db.product.create({
    data: {
      serviceId,
      name,
      deadlineDays: 2,
      deadlineTime: "10:00",
      openMonthsAhead: 3,
      defaultCapacity: capacity,
      tariffs: { create: [{ regime: null, qfMin: 0, qfMax: null, unitPriceCents: 320, validFrom: dayToDate("2020-01-01") }] },
    },
  });
  await openDays(db, product.id, days, capacity);
  return product;
}

async function seed(db: Db, now: Date) {
  const month = addMonths(monthOfDay(parisDay(now)), 1);
  // Monday, Tuesday, Thursday and Friday, as a canteen opens, and still bookable today.
  const days = daysOfMonth(month).filter((d) => [1, 2, 4, 5].includes(weekday(d)) && !publicHoliday(d) && !isPastDeadline(d, 2, "10:00", now));
  const households = Math.max(PAGE_HOUSEHOLDS, RUSH_HOUSEHOLDS);

  const admin = await createAccount(db, { email: `admin.${uniqueSuffix()}@mairie.test`, firstName: "Nadia", lastName: "ROCHE", role: "ADMIN" });
  await updateSettings({
    actor: { id: admin.id, role: admin.role },
    input: {
      ...FALLBACK_SETTINGS,
      name: "Communauté de communes du Banc d'essai",
      address1: "1 place de la Mairie",
      postalCode: "34480",
      city: "Magalas",
      phone: "04 67 00 07 51",
      email: "jeunesse@banc-essai.example",
      openingHours: { lundi: "08:00-12:00 13:30-17:30", jeudi: "08:00-12:00" },
    },
  });

  const canteen = await createCanteen(db, { capacity: households + 10, openMonthsAhead: 3 });
  await openDays(db, canteen.product.id, days, households + 10);
  const garderie = await openProduct(db, canteen.service.id, "Garderie du matin", days, households + 10);
  const rush = await openProduct(db, canteen.service.id, "Repas de la ruée", days, RUSH_CAPACITY);
  const twin = await openProduct(db, canteen.service.id, "Repas témoin de la ruée", days, RUSH_CAPACITY);

  const families = await inBatches(Array.from({ length: households }), 16, () => createFamily(db, { schoolClassId: canteen.schoolClass.id, children: 2 }));
  // One hash for every parent: the sign-in still verifies it once per parent, as it would each own.
  const hash = await hashPassword(PASSWORD);
  await db.password.createMany({ data: families.map((f) => ({ userId: f.account.id, hash })) });

  // A few invoices each, as a family has after a term: two paid at the counter, one waiting for payment.
  const staff = await createStaffActor(db);
  await inBatches(families, 8, async (f) => {
    const invoices = [];
    for (let k = 0; k < 3; k++) {
      const { invoiceId } = await holdBookings({
        db,
        actor: f.actor,
        householdId: f.household.id,
        selections: days.slice(2 * k, 2 * k + 2).map((date) => ({ personId: f.children[k % 2].id, productId: garderie.id, date })),
        submissionKey: newSubmissionKey(),
        now,
      });
      invoices.push(invoiceId);
    }
    await recordCounterPayment({ actor: staff, invoiceId: invoices[0], method: "CHEQUE" });
    await recordCounterPayment({ actor: staff, invoiceId: invoices[1], method: "CASH" });
  });
  return { month, days, canteen, rush, twin, families };
}

// ---------------------------------------------------------------- sessions

const cookiePairs = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]);

/** The real credentials flow of Auth.js: its CSRF token, then the callback; keeps the session cookie. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; "), origin: base },
    body: new URLSearchParams({ login: email, password: PASSWORD, csrfToken, callbackUrl: `${base}/accueil` }),
  });
  await response.arrayBuffer();
  const session = cookiePairs(response).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Connexion refusée pour ${email} : ${response.status} vers ${response.headers.get("location")}`);
  return session;
}

// ---------------------------------------------------------------- pages

type Load = { rps: number; p95: number; requests: number };
type PageTarget = { label: string; path: string; expect: RegExp };

/**
 * One autocannon run on `path`: each request takes the next session cookie
 * in turn. A non-200, a body without `expect` (the sign-in page, an error
 * page), a socket error or a timeout stops everything.
 */
async function load(base: string, target: PageTarget, cookies: string[], seconds: number): Promise<Load> {
  let turn = 0;
  let wrongBody = "";
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const instance = autocannon(
    {
      url: base,
      connections: CONNECTIONS,
      duration: seconds,
      timeout: 30,
      requests: [
        {
          method: "GET",
          path: target.path,
          setupRequest: (request) => ({ ...request, headers: { ...request.headers, cookie: cookies[turn++ % cookies.length] } }),
        },
      ],
      // Markers in ASCII: autocannon joins the body's chunks as strings, which may split an accented letter.
      verifyBody: (raw) => {
        const body = String(raw ?? "");
        const ok = target.expect.test(body);
        if (!ok && !wrongBody) wrongBody = body.replace(/\s+/g, " ").slice(0, 400);
        return ok;
      },
    },
    () => {},
  );
  instance.on("response", (_client, status: number, _bytes, ms: number) => {
    latencies.push(ms);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance.on("done", resolve);
    instance.on("error", reject);
  });
  const failures = result.non2xx + result.errors + result.timeouts + result.mismatches;
  if (failures > 0 || latencies.length === 0) {
    throw new Error(
      `${target.label} (${target.path}) : ${result.non2xx} réponses non 2xx, ${result.mismatches} sans le contenu attendu, ` +
        `${result.errors} erreurs, ${result.timeouts} délais dépassés sur ${latencies.length} réponses. ` +
        `Statuts : ${JSON.stringify(Object.fromEntries(statuses))}. Premier corps inattendu : ${wrongBody || "—"}`,
    );
  }
  return { rps: latencies.length / result.duration, p95: percentile(latencies, 95), requests: latencies.length };
}

async function benchPageLoads(base: string, pages: PageTarget[], baseline: PageTarget, cookies: string[]) {
  const rows: string[] = [];
  let missed = false;
  for (const page of pages) {
    // The first request loads the route's code: answered alone, and checked, before any load.
    for (const target of [page, baseline]) {
      const response = await fetch(`${base}${target.path}`, { headers: { cookie: cookies[0] }, redirect: "manual" });
      const body = await response.text();
      if (response.status !== 200 || !target.expect.test(body)) {
        throw new Error(`${target.label} (${target.path}) : ${response.status} ${response.headers.get("location") ?? ""} ${body.replace(/\s+/g, " ").slice(0, 400)}`);
      }
    }
    // Warm-up, not counted: fills the pools and the JIT.
    await load(base, page, cookies, WARMUP_SECONDS);
    await load(base, baseline, cookies, WARMUP_SECONDS);
    const pairs: { app: Load; base: Load }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let app: Load;
      let floor: Load;
      if (round % 2 === 0) {
        app = await load(base, page, cookies, SECONDS);
        floor = await load(base, baseline, cookies, SECONDS);
      } else {
        floor = await load(base, baseline, cookies, SECONDS);
        app = await load(base, page, cookies, SECONDS);
      }
      pairs.push({ app, base: floor });
      console.log(
        `  ${page.label}, manche ${round + 1} : ${app.rps.toFixed(1)} req/s (p95 ${app.p95.toFixed(0)} ms), ` +
          `témoin ${floor.rps.toFixed(1)} req/s (p95 ${floor.p95.toFixed(0)} ms)`,
      );
    }
    const ratios = pairs.map((p) => p.app.rps / p.base.rps);
    const met = median(ratios) >= TARGET;
    missed ||= !met;
    rows.push(
      `| ${page.label} | ${spread(pairs.map((p) => p.app.rps), 1)} | ${spread(pairs.map((p) => p.base.rps), 1)} | ${spread(ratios, 2)} | ` +
        `${spread(pairs.map((p) => p.app.p95), 0)} | ${spread(pairs.map((p) => p.base.p95), 0)} | ${met ? "oui" : "non"} |`,
    );
  }
  console.log("");
  console.log(
    `Médiane (min–max) sur ${ROUNDS} manches de ${SECONDS} s, ${CONNECTIONS} connexions, cookies de ${cookies.length} parents connectés en rotation ; ` +
      `rapport = page ÷ témoin (/bench : même build, mise en page racine et un SELECT, sans session) dans la même manche. Cible : rapport ≥ ${fr(TARGET, 2)}.`,
  );
  console.log("");
  console.log("| Page | App req/s | Témoin req/s | Rapport req/s | App p95 ms | Témoin p95 ms | Cible atteinte |");
  console.log("|---|---|---|---|---|---|---|");
  for (const row of rows) console.log(row);
  return missed;
}

// ---------------------------------------------------------------- rush

type Form = { url: string; fields: [string, string][] };
type Outcome = "held" | "refused";
type Rush = { holdsPerSecond: number; p50: number; p95: number; held: number; refused: number; oversold: number };

const decodeEntities = (s: string) =>
  s.replace(/&(quot|amp|lt|gt|#x27|#39|#x2F);/g, (_m, e: string) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#x27": "'", "#39": "'", "#x2F": "/" })[e] ?? _m);

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)) found[name.toLowerCase()] = decodeEntities(value ?? "");
  return found;
}

/**
 * The form a browser without JavaScript would submit from the résumé page:
 * the one carrying submissionKey, with every named input (Next's hidden
 * action fields among them), posted where its action points, or to the page.
 */
function actionForm(html: string, pageUrl: string): Form {
  for (const [, open, inner] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (!inner.includes('name="submissionKey"')) continue;
    const fields: [string, string][] = [];
    for (const [input] of inner.matchAll(/<input\b[^>]*>/g)) {
      const a = attributes(input.slice("<input".length));
      if (a.name) fields.push([a.name, a.value ?? ""]);
    }
    const action = attributes(open).action;
    const url = action && !action.startsWith("javascript:") ? new URL(action, pageUrl).toString() : pageUrl;
    if (!fields.some(([name]) => name.startsWith("$ACTION"))) throw new Error(`Le formulaire du résumé ne porte pas les champs d'action de Next : ${inner.slice(0, 300)}`);
    return { url, fields };
  }
  throw new Error(`Pas de formulaire de validation sur ${pageUrl} : ${html.replace(/\s+/g, " ").slice(0, 400)}`);
}

async function oversold(client: pg.Client, productId: string) {
  const { rows } = await client.query(
    `SELECT COALESCE(SUM(GREATEST(0, n - capacity)), 0)::int AS over FROM (
       SELECT s.capacity, COUNT(b.id) AS n FROM "Slot" s
       LEFT JOIN "Booking" b ON b."slotId" = s.id AND (b.status = 'CONFIRMED' OR (b.status = 'HELD' AND b."heldUntil" > now()))
       WHERE s."productId" = $1 GROUP BY s.id, s.capacity) t`,
    [productId],
  );
  return rows[0].over as number;
}

function summarise(outcomes: { outcome: Outcome; ms: number }[], seconds: number, over: number): Rush {
  const ms = outcomes.map((o) => o.ms);
  const held = outcomes.filter((o) => o.outcome === "held").length;
  return { holdsPerSecond: held / seconds, p50: percentile(ms, 50), p95: percentile(ms, 95), held, refused: outcomes.length - held, oversold: over };
}

async function benchRush({
  base,
  families,
  rushProductId,
  twinProductId,
  month,
  days,
  db,
  checker,
}: {
  base: string;
  families: Signed[];
  rushProductId: string;
  twinProductId: string;
  month: string;
  days: Day[];
  db: Db;
  checker: pg.Client;
}) {
  const selection = (f: Family) => days.map((d) => `${f.children[0].id}|${d}`);

  // Each run draws fresh forms, as each family opens its résumé: a submission key holds once.
  const prepare = () =>
    inBatches(families, 8, async (f) => {
      const query = new URLSearchParams({ enfant: "tous", mois: month });
      for (const j of selection(f)) query.append("j", j);
      const pageUrl = `${base}/demandes/reservation/${rushProductId}/resume?${query}`;
      const response = await fetch(pageUrl, { headers: { cookie: f.cookie }, redirect: "manual" });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`Résumé : ${response.status} (${response.headers.get("location")}) pour ${pageUrl}`);
      return { family: f, form: actionForm(html, pageUrl), pageUrl };
    });

  const overHttp = async (): Promise<Rush> => {
    const forms = await prepare();
    const started = performance.now();
    const outcomes = await Promise.all(
      forms.map(async ({ family, form, pageUrl }) => {
        const body = new FormData();
        for (const [name, value] of form.fields) body.append(name, value);
        const t = performance.now();
        const response = await fetch(form.url, {
          method: "POST",
          body,
          redirect: "manual",
          headers: { cookie: family.cookie, origin: base, referer: pageUrl, accept: "text/html,application/xhtml+xml" },
        });
        const html = await response.text();
        const ms = performance.now() - t;
        const to = response.headers.get("location") ?? response.headers.get("x-action-redirect") ?? "";
        if (to.includes("/demandes/reservation/attente/")) return { outcome: "held" as const, ms };
        if (response.status === 200 && html.includes("Complet : plus de place")) return { outcome: "refused" as const, ms };
        throw new Error(`Validation par HTTP : ${response.status} vers « ${to} » : ${html.replace(/\s+/g, " ").slice(0, 400)}`);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return summarise(outcomes, seconds, await oversold(checker, rushProductId));
  };

  const inProcess = async (): Promise<Rush> => {
    const started = performance.now();
    const outcomes = await Promise.all(
      families.map(async (f) => {
        const t = performance.now();
        try {
          await holdBookings({
            db,
            actor: f.actor,
            householdId: f.household.id,
            selections: days.map((date) => ({ personId: f.children[0].id, productId: twinProductId, date })),
            submissionKey: newSubmissionKey(),
          });
          return { outcome: "held" as const, ms: performance.now() - t };
        } catch (error) {
          if (error instanceof AppError && error.code === "CONFLICT") return { outcome: "refused" as const, ms: performance.now() - t };
          throw error;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return summarise(outcomes, seconds, await oversold(checker, twinProductId));
  };

  // Scarcity starts afresh every run.
  const fresh = async (run: () => Promise<Rush>) => {
    await checker.query(`DELETE FROM "Booking" b USING "Slot" s WHERE b."slotId" = s.id AND s."productId" = ANY($1::text[])`, [[rushProductId, twinProductId]]);
    return run();
  };

  console.log("");
  console.log(
    `Ruée HTTP : ${families.length} familles valident chacune ${days.length} jours de ${month} en même temps, ${RUSH_CAPACITY} places par jour, ` +
      `en POSTant le formulaire du résumé (action serveur holdBookingsAction, sans JavaScript) ; témoin : holdBookings appelé dans le processus du banc, ` +
      `autant en parallèle, même base, pool de ${POOL_SIZE} connexions comme le serveur. ${ROUNDS} manches alternées…`,
  );
  // Warm-up, not counted: the action's route and the hold's plans on both sides.
  await fresh(overHttp);
  await fresh(inProcess);
  const pairs: { http: Rush; local: Rush }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let http: Rush;
    let local: Rush;
    if (round % 2 === 0) {
      http = await fresh(overHttp);
      local = await fresh(inProcess);
    } else {
      local = await fresh(inProcess);
      http = await fresh(overHttp);
    }
    pairs.push({ http, local });
    console.log(
      `  manche ${round + 1} : HTTP ${http.holdsPerSecond.toFixed(1)} réservations/s (p50 ${http.p50.toFixed(0)}, p95 ${http.p95.toFixed(0)} ms, ${http.refused} refusées), ` +
        `holdBookings ${local.holdsPerSecond.toFixed(1)}/s (p50 ${local.p50.toFixed(0)}, p95 ${local.p95.toFixed(0)} ms, ${local.refused} refusées)`,
    );
  }
  const over = pairs.reduce((sum, p) => sum + p.http.oversold + p.local.oversold, 0);
  // Every household ticks every day: exactly the first `capacity` get their month, on both sides.
  const expected = Math.min(RUSH_CAPACITY, families.length);
  const wrongCount = pairs.some((p) => p.http.held !== expected || p.local.held !== expected);
  const ratios = pairs.map((p) => p.http.holdsPerSecond / p.local.holdsPerSecond);
  console.log("");
  console.log(
    `Médiane (min–max) sur ${ROUNDS} manches ; rapport = HTTP ÷ holdBookings en processus dans la même manche, ` +
      `soit la part du débit qui reste une fois la couche web ajoutée. Surréservées : doit rester 0.`,
  );
  console.log("");
  console.log("| Voie | Réservations/s | p50 ms | p95 ms | Refusées | Surréservées | Rapport réservations/s |");
  console.log("|---|---|---|---|---|---|---|");
  const line = (label: string, rows: Rush[], ratio: string) =>
    `| ${label} | ${spread(rows.map((r) => r.holdsPerSecond), 1)} | ${spread(rows.map((r) => r.p50), 0)} | ${spread(rows.map((r) => r.p95), 0)} | ` +
    `${spread(rows.map((r) => r.refused), 0)} | ${rows.reduce((s, r) => s + r.oversold, 0)} | ${ratio} |`;
  console.log(line("HTTP, action serveur", pairs.map((p) => p.http), spread(ratios, 2)));
  console.log(line("holdBookings en processus", pairs.map((p) => p.local), "—"));
  if (wrongCount) console.error(`Une manche n'a pas retenu exactement ${expected} familles : voir les manches ci-dessus.`);
  return over !== 0 || wrongCount;
}

// ---------------------------------------------------------------- part

export async function benchPages() {
  const distDir = benchDistDir();
  const databaseName = `portail_bench_pages_${process.pid}`;
  let scratch;
  try {
    // Checked before anything is created: nothing to serve, nothing to do.
    assertBuilt(distDir);
    scratch = await createScratchDatabase(databaseName);
  } catch (error) {
    if (error instanceof BuildMissing) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }

  // This process writes through the app's own functions too (settings,
  // counter payments and their receipts by email): to the scratch database,
  // and any mail to a throwaway outbox, never a real service.
  process.env.DATABASE_POOL_SIZE = String(POOL_SIZE);
  process.env.RESEND_API_KEY = "";
  process.env.UPLOADTHING_TOKEN = "";
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portail-bench-cli-"));
  process.env.DATA_DIR = dataDir;
  resetEnvForTests();
  const opened = await openDatabase(parseDatabaseUrl(scratch.url));
  const db = newClient(opened);
  setDb(db, opened);
  const checker = new pg.Client({ connectionString: scratch.url });
  let server: NextServer | undefined;
  try {
    await checker.connect();
    await deployMigrations(opened.factory);
    const now = new Date();
    let t = performance.now();
    const seeded = await seed(db, now);
    console.log(
      `Pages sous charge : ${seeded.families.length} familles (2 enfants, 3 factures dont 2 payées), ${seeded.days.length} jours ouverts en ${seeded.month} ; ` +
        `données en ${((performance.now() - t) / 1000).toFixed(0)} s.`,
    );

    server = await startNextServer({ distDir, databaseUrl: scratch.url, extra: { BENCH_BASELINE_PAGE: "1", DATABASE_POOL_SIZE: String(POOL_SIZE) } });
    const base = server.url;
    t = performance.now();
    const signed: Signed[] = await inBatches(seeded.families, 4, async (f) => ({ ...f, cookie: await signIn(base, f.account.email) }));
    console.log(`${signed.length} parents connectés par /api/auth/callback/credentials en ${((performance.now() - t) / 1000).toFixed(1)} s ; serveur ${base} (${distDir}).`);

    const pages: PageTarget[] = [
      {
        label: "Grille de réservation",
        path: `/demandes/reservation/${seeded.canteen.product.id}?enfant=tous&mois=${seeded.month}`,
        expect: /id="grid-caption"[\s\S]*name="j"/,
      },
      {
        label: "Calendrier de la famille",
        path: `/demandes/reservation/calendrier?mois=${seeded.month}`,
        expect: /Réservations de la famille[\s\S]*name="j"/,
      },
      { label: "Factures", path: "/factures", expect: /<h1[^>]*>Factures<\/h1>[\s\S]*href="\/factures\/[^"/]+\/pdf"/ },
      { label: "Accueil", path: "/accueil", expect: /<h1[^>]*>Bonjour / },
    ];
    const baseline: PageTarget = { label: "Témoin", path: "/bench", expect: /<h1[^>]*>T[^<]*moin<\/h1>\s*<p>\d+(<!-- -->)? familles<\/p>/ };
    const cookies = signed.slice(0, PAGE_HOUSEHOLDS).map((f) => f.cookie);
    const pagesMissed = await benchPageLoads(base, pages, baseline, cookies);

    // Lighthouse's mobile profile on the same server, before the rush changes the grid.
    if (process.env.BENCH_LIGHTHOUSE !== "0") {
      console.log("");
      console.log(`Lighthouse mobile (${LIGHTHOUSE_RUNS} audits par page, médiane ; cible ≥ 95 et CLS 0) :`);
      const [connexion, accueil, grid] = [{ name: "Connexion", path: "/connexion" }, { name: "Accueil", path: "/accueil", cookie: cookies[0] }, { name: "Grille", path: pages[0].path, cookie: cookies[0] }];
      await benchLighthouse({ baseUrl: base, pages: [connexion, accueil, grid, { name: "Témoin", path: "/bench" }], runs: LIGHTHOUSE_RUNS });
    }

    const rushFailed = await benchRush({
      base,
      families: signed.slice(0, RUSH_HOUSEHOLDS),
      rushProductId: seeded.rush.id,
      twinProductId: seeded.twin.id,
      month: seeded.month,
      days: seeded.days,
      db,
      checker,
    });
    if (rushFailed) {
      console.error("SURRÉSERVATION ou nombre de réservations inattendu dans la ruée HTTP.");
      process.exitCode = 1;
    }
    if (pagesMissed) console.log(`Au moins une page reste sous ${fr(TARGET, 2)} × le témoin.`);
  } catch (error) {
    if (server) console.error(`Sortie du serveur (fin) :\n${server.log().slice(-4000)}`);
    throw error;
  } finally {
    await server?.stop();
    await checker.end().catch(() => {});
    setDb(undefined);
    await db.$disconnect();
    await opened.close();
    await scratch.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
