import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { openDatabase } from "@/lib/db/adapter";
import { newClient, type Db } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migrate";
import { parseDatabaseUrl } from "@/lib/db/url";
import { holdBookings } from "@/lib/bookings/hold";
import { createCanteen, createFamily, newSubmissionKey, openDays } from "@/lib/bookings/testing";
import { addMonths, daysOfMonth, monthOfDay, parisDay, publicHoliday, weekday, type Day } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { benchAllocation } from "./bench-allocation";
import { benchPayfip } from "./bench-billing";
import { benchPages } from "./bench-pages";
import { benchDatabase } from "./bench-server";

// npm run bench [-- booking|pdf|pages|payfip|allocation] (default: all of them).
//
// booking — the booking rush: many households validating a month of canteen
// days at once for scarce places, through holdBookings (Prisma, slot locks,
// pending invoice) and through a baseline doing only the bare
// lock-count-insert transaction with `pg`. The machine is shared, so the two
// run in alternating rounds at each level of parallelism and every figure is
// the median of its rounds with its spread (min–max): one noisy moment then
// lands on one round, not on a whole side. Loopback PostgreSQL only; a
// scratch database is created and dropped unless BENCH_DATABASE_URL is given.
//
// pages — the parent pages and the booking rush over HTTP against `next
// start` of a production build: see lib/cli/bench-pages.ts.
//
// allocation — a holiday campaign's allocation, 2,000 requests over 40
// days: the pure allocate() and the whole run's transaction, see
// lib/cli/bench-allocation.ts.

const PARTS = ["booking", "pdf", "pages", "payfip", "allocation"] as const;
type Part = (typeof PARTS)[number];

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 200);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? "8,32,64").split(",").map(Number);
const ROUNDS = Math.max(5, Number(process.env.BENCH_ROUNDS ?? 5));
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 120);
const TIME_LIMIT_MS = 120_000;

type Outcome = { ok: boolean; ms: number };
type Run = { holdsPerSecond: number; p95: number; requests: number; oversold: number };
type Family = Awaited<ReturnType<typeof createFamily>>;

/** Runs `tasks` with at most `limit` in flight, stopping new ones past the time limit. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number, deadline: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length && performance.now() < deadline) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results.filter((r) => r !== undefined);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
};
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

async function oversold(client: pg.Client, productId: string, now: Date) {
  const { rows } = await client.query(
    `SELECT COALESCE(SUM(GREATEST(0, n - capacity)), 0)::int AS over FROM (
       SELECT s.capacity, COUNT(b.id) AS n FROM "Slot" s
       LEFT JOIN "Booking" b ON b."slotId" = s.id AND (b.status = 'CONFIRMED' OR (b.status = 'HELD' AND b."heldUntil" > $2))
       WHERE s."productId" = $1 GROUP BY s.id, s.capacity) t`,
    [productId, now],
  );
  return rows[0].over as number;
}

async function timed(families: Family[], parallel: number, hold: (f: Family) => Promise<boolean>) {
  const started = performance.now();
  const outcomes = await pool(
    families.map((f) => async (): Promise<Outcome> => {
      const t = performance.now();
      const ok = await hold(f);
      return { ok, ms: performance.now() - t };
    }),
    parallel,
    performance.now() + TIME_LIMIT_MS,
  );
  const seconds = (performance.now() - started) / 1000;
  return { outcomes, seconds };
}

async function benchBooking() {
  const database = await benchDatabase(`portail_bench_${process.pid}`);
  const url = database.url;
  const maxParallel = Math.max(...LEVELS);
  // Pricing reads run beside the transactions: two spare connections.
  process.env.DATABASE_POOL_SIZE = String(maxParallel + 2);
  const opened = await openDatabase(parseDatabaseUrl(url));
  const setup = newClient(opened);
  const checker = new pg.Client({ connectionString: url });
  await checker.connect();
  try {
    await deployMigrations(opened.factory);
    const now = new Date();
    const month = addMonths(monthOfDay(parisDay(now)), 1);
    const days = daysOfMonth(month).filter((d) => [1, 2, 4, 5].includes(weekday(d)) && !publicHoliday(d));
    console.log(
      `Ruée sur les réservations : ${HOUSEHOLDS} familles × ${days.length} jours en ${month}, ${CAPACITY} places par jour, ` +
        `${LEVELS.join(" / ")} en parallèle, ${ROUNDS} manches alternées par niveau…`,
    );
    const canteen = await createCanteen(setup, { capacity: CAPACITY, openMonthsAhead: 3 });
    await openDays(setup, canteen.product.id, days, CAPACITY);
    const families: Family[] = [];
    for (let i = 0; i < HOUSEHOLDS; i += 20) {
      families.push(...(await Promise.all(Array.from({ length: Math.min(20, HOUSEHOLDS - i) }, () => createFamily(setup, { schoolClassId: canteen.schoolClass.id })))));
    }
    // The baseline books a twin product, so both sides start from the same scarcity.
    const twin = await setup.product.create({ data: { serviceId: canteen.service.id, name: "Repas témoin", defaultCapacity: CAPACITY } });
    const twinSlotIds = (await openDays(setup, twin.id, days, CAPACITY)).map((s) => s.id).sort();
    await setup.$disconnect();

    const app = async (parallel: number): Promise<Run> => {
      // A fresh pool per run, opened before the clock starts, as the baseline's is.
      const db = newClient(opened);
      await warm(parallel, () => db.$transaction((tx) => tx.$queryRaw`SELECT 1`));
      try {
        const { outcomes, seconds } = await timed(families, parallel, (f) => appHold(db, f, canteen.product.id, days, now));
        return summarise(outcomes, seconds, await oversold(checker, canteen.product.id, now));
      } finally {
        await db.$disconnect();
      }
    };
    const baseline = async (parallel: number): Promise<Run> => {
      const raw = new pg.Pool({ connectionString: url, max: parallel });
      await warm(parallel, async () => (await raw.connect()).release());
      try {
        const { outcomes, seconds } = await timed(families, parallel, (f) => baselineHold(raw, f, twinSlotIds, now));
        return summarise(outcomes, seconds, await oversold(checker, twin.id, now));
      } finally {
        await raw.end();
      }
    };

    // Warm-up, not counted: loads the client, the prepared plans and the counter row.
    await app(4);
    await baseline(4);

    const table: string[] = [];
    let failed = false;
    for (const parallel of LEVELS) {
      const pairs: { app: Run; base: Run }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Scarcity starts afresh every run; the order flips every round.
        const fresh = async <T>(run: () => Promise<T>) => {
          await checker.query(`DELETE FROM "Booking"`);
          return run();
        };
        if (round % 2 === 0) {
          const a = await fresh(() => app(parallel));
          pairs.push({ app: a, base: await fresh(() => baseline(parallel)) });
        } else {
          const b = await fresh(() => baseline(parallel));
          pairs.push({ app: await fresh(() => app(parallel)), base: b });
        }
        const last = pairs[pairs.length - 1];
        console.log(
          `  ${parallel} en parallèle, manche ${round + 1} : holdBookings ${last.app.holdsPerSecond.toFixed(1)}/s (p95 ${last.app.p95.toFixed(0)} ms), ` +
            `témoin ${last.base.holdsPerSecond.toFixed(1)}/s (p95 ${last.base.p95.toFixed(0)} ms)`,
        );
      }
      const ratio = pairs.map((p) => p.app.holdsPerSecond / p.base.holdsPerSecond);
      const p95Ratio = pairs.map((p) => p.app.p95 / p.base.p95);
      const over = pairs.reduce((sum, p) => sum + p.app.oversold + p.base.oversold, 0);
      const spread = (xs: number[], digits: number) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
      const met = median(ratio) >= 0.8 && median(p95Ratio) < 1.5 && over === 0;
      failed ||= over !== 0 || pairs.some((p) => p.app.requests < families.length || p.base.requests < families.length);
      table.push(
        `| ${parallel} | ${spread(ratio, 2)} | ${spread(pairs.map((p) => p.app.holdsPerSecond), 1)} | ${spread(pairs.map((p) => p.base.holdsPerSecond), 1)} | ` +
          `${spread(pairs.map((p) => p.app.p95), 0)} | ${spread(pairs.map((p) => p.base.p95), 0)} | ${spread(p95Ratio, 2)} | ${over} | ${met ? "oui" : "non"} |`,
      );
    }
    console.log("");
    console.log(`Médiane (min–max) sur ${ROUNDS} manches ; rapport = holdBookings ÷ témoin pg nu dans la même manche. Cible : rapport ≥ 0,80, p95 < 1,5 × celui du témoin, 0 surréservée.`);
    console.log("");
    console.log("| En parallèle | Rapport réservations/s | holdBookings réservations/s | Témoin réservations/s | holdBookings p95 ms | Témoin p95 ms | Rapport p95 | Surréservées | Cible atteinte |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    for (const line of table) console.log(line);
    if (failed) {
      console.error("SURRÉSERVATION ou limite de temps atteinte : voir les manches ci-dessus.");
      process.exitCode = 1;
    }
  } finally {
    await checker.end();
    await opened.close();
    await database.drop();
  }
}

/** Opens `parallel` connections at once, so no run pays for its pool's connects. */
async function warm(parallel: number, open: () => Promise<unknown>) {
  await Promise.all(Array.from({ length: parallel }, open));
}

function summarise(outcomes: Outcome[], seconds: number, over: number): Run {
  return {
    holdsPerSecond: outcomes.filter((o) => o.ok).length / seconds,
    p95: percentile(outcomes.map((o) => o.ms), 95),
    requests: outcomes.length,
    oversold: over,
  };
}

async function appHold(db: Db, f: Family, productId: string, days: Day[], now: Date) {
  try {
    await holdBookings({
      db,
      actor: f.actor,
      householdId: f.household.id,
      selections: days.map((date) => ({ personId: f.children[0].id, productId, date })),
      submissionKey: newSubmissionKey(),
      now,
    });
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") return false;
    throw error;
  }
}

/** The floor: the same locks, counts and inserts with nothing else, one statement per slot. */
async function baselineHold(raw: pg.Pool, f: Family, slotIds: string[], now: Date) {
  const heldUntil = new Date(now.getTime() + 15 * 60_000);
  const client = await raw.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL READ COMMITTED");
    for (const slotId of slotIds) {
      const { rows } = await client.query(`SELECT capacity FROM "Slot" WHERE id = $1 FOR UPDATE`, [slotId]);
      const { rows: count } = await client.query(
        `SELECT COUNT(*)::int AS n FROM "Booking" WHERE "slotId" = $1 AND (status = 'CONFIRMED' OR (status = 'HELD' AND "heldUntil" > $2))`,
        [slotId, now],
      );
      if (count[0].n + 1 > rows[0].capacity) {
        await client.query("ROLLBACK");
        return false;
      }
    }
    for (const slotId of slotIds) {
      await client.query(
        `INSERT INTO "Booking" (id, "slotId", "personId", "householdId", status, "heldUntil", "unitPriceCents", "updatedAt") VALUES ($1, $2, $3, $4, 'HELD', $5, 320, now())`,
        [crypto.randomUUID(), slotId, f.children[0].id, f.household.id, heldUntil],
      );
    }
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The PDF part runs in its own process with NODE_ENV=production, as the PDF
 * route does under `next start`: React's development build, which tsx
 * would load here, checks every element and is slower by a third.
 */
function benchPdfInProduction() {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, "lib/cli/bench-pdf.ts"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`bench-pdf exited with ${code}`))));
  });
}

const RUNNERS: Record<Part, () => Promise<unknown>> = {
  booking: benchBooking,
  pdf: benchPdfInProduction,
  pages: benchPages,
  payfip: benchPayfip,
  allocation: benchAllocation,
};

async function main() {
  const wanted = process.argv[2] ?? "all";
  const parts = wanted === "all" ? PARTS : PARTS.filter((p) => p === wanted);
  if (!parts.length) throw new Error(`Usage: npm run bench -- [${PARTS.join("|")}] (got "${wanted}")`);
  for (const [index, part] of parts.entries()) {
    if (index) console.log("");
    await RUNNERS[part]();
  }
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
