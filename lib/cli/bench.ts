import { performance } from "node:perf_hooks";
import pg from "pg";
import { openDatabase } from "@/lib/db/adapter";
import { newClient } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migrate";
import { parseDatabaseUrl } from "@/lib/db/url";
import { holdBookings } from "@/lib/bookings/hold";
import { createCanteen, createFamily, newSubmissionKey, openDays } from "@/lib/bookings/testing";
import { addMonths, daysOfMonth, monthOfDay, parisDay, publicHoliday, weekday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { benchBilling } from "./bench-billing";

// npm run bench — the booking rush: many households validating a month of
// canteen days at once for scarce places, through holdBookings (Prisma,
// slot locks, pending invoice) and through a baseline doing only the bare
// lock-count-insert transaction with `pg`. Loopback PostgreSQL only; a
// scratch database is created and dropped unless BENCH_DATABASE_URL is given.

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 120);
const TIME_LIMIT_MS = 120_000;
const SERVER = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432";

type Outcome = { ok: boolean; ms: number };
type Figures = { label: string; seconds: number; outcomes: Outcome[]; placesHeld: number; oversold: number };

function assertLoopback(url: string) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`The benchmark only runs against a local database (got ${host}).`);
}

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

function report(f: Figures) {
  const ms = f.outcomes.map((o) => o.ms);
  const held = f.outcomes.filter((o) => o.ok).length;
  return {
    label: f.label,
    requests: f.outcomes.length,
    held,
    refused: f.outcomes.length - held,
    holdsPerSecond: held / f.seconds,
    requestsPerSecond: f.outcomes.length / f.seconds,
    placesHeld: f.placesHeld,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    oversold: f.oversold,
  };
}

async function oversold(client: pg.Pool, productId: string, now: Date) {
  const { rows } = await client.query(
    `SELECT COALESCE(SUM(GREATEST(0, n - capacity)), 0)::int AS over, COALESCE(SUM(n), 0)::int AS held FROM (
       SELECT s.capacity, COUNT(b.id) AS n FROM "Slot" s
       LEFT JOIN "Booking" b ON b."slotId" = s.id AND (b.status = 'CONFIRMED' OR (b.status = 'HELD' AND b."heldUntil" > $2))
       WHERE s."productId" = $1 GROUP BY s.id, s.capacity) t`,
    [productId, now],
  );
  return { over: rows[0].over as number, held: rows[0].held as number };
}

async function main() {
  const given = process.env.BENCH_DATABASE_URL;
  const scratch = `portail_bench_${process.pid}`;
  const url = given ?? `${SERVER}/${scratch}`;
  assertLoopback(url);
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  if (!given) {
    assertLoopback(SERVER);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${scratch}"`);
  }
  process.env.DATABASE_POOL_SIZE = String(CONCURRENCY + 2);
  const opened = await openDatabase(parseDatabaseUrl(url));
  const db = newClient(opened);
  const raw = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  try {
    await deployMigrations(opened.factory);
    const now = new Date();
    const month = addMonths(monthOfDay(parisDay(now)), 1);
    const days = daysOfMonth(month).filter((d) => [1, 2, 4, 5].includes(weekday(d)) && !publicHoliday(d));

    console.log(`Préparation : ${HOUSEHOLDS} familles, ${days.length} jours en ${month}, ${CAPACITY} places par jour, ${CONCURRENCY} en parallèle…`);
    const canteen = await createCanteen(db, { capacity: CAPACITY, openMonthsAhead: 3 });
    await openDays(db, canteen.product.id, days, CAPACITY);
    const families = [];
    for (let i = 0; i < HOUSEHOLDS; i += 20) {
      families.push(...(await Promise.all(Array.from({ length: Math.min(20, HOUSEHOLDS - i) }, () => createFamily(db, { schoolClassId: canteen.schoolClass.id })))));
    }
    // The baseline books a twin product, so both runs start from the same scarcity.
    const twin = await db.product.create({ data: { serviceId: canteen.service.id, name: "Repas témoin", defaultCapacity: CAPACITY } });
    const twinSlots = await openDays(db, twin.id, days, CAPACITY);

    // Warm-up: one hold to load the client, prepared plans and the counter row.
    const warm = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    await holdBookings({ db, actor: warm.actor, householdId: warm.household.id, selections: [{ personId: warm.children[0].id, productId: canteen.product.id, date: days[0] }], submissionKey: newSubmissionKey(), now });
    await db.booking.deleteMany({});

    const deadline = performance.now() + TIME_LIMIT_MS;
    let started = performance.now();
    const appOutcomes = await pool(
      families.map((f) => async (): Promise<Outcome> => {
        const t = performance.now();
        try {
          await holdBookings({
            db,
            actor: f.actor,
            householdId: f.household.id,
            selections: days.map((date) => ({ personId: f.children[0].id, productId: canteen.product.id, date })),
            submissionKey: newSubmissionKey(),
            now,
          });
          return { ok: true, ms: performance.now() - t };
        } catch (error) {
          if (error instanceof AppError && error.code === "CONFLICT") return { ok: false, ms: performance.now() - t };
          throw error;
        }
      }),
      CONCURRENCY,
      deadline,
    );
    const appSeconds = (performance.now() - started) / 1000;
    const app = await oversold(raw, canteen.product.id, now);

    const slotIds = twinSlots.map((s) => s.id).sort();
    const heldUntil = new Date(now.getTime() + 15 * 60_000);
    started = performance.now();
    const baseOutcomes = await pool(
      families.map((f) => async (): Promise<Outcome> => {
        const t = performance.now();
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
              return { ok: false, ms: performance.now() - t };
            }
          }
          for (const slotId of slotIds) {
            await client.query(
              `INSERT INTO "Booking" (id, "slotId", "personId", "householdId", status, "heldUntil", "unitPriceCents", "updatedAt") VALUES ($1, $2, $3, $4, 'HELD', $5, 320, now())`,
              [crypto.randomUUID(), slotId, f.children[0].id, f.household.id, heldUntil],
            );
          }
          await client.query("COMMIT");
          return { ok: true, ms: performance.now() - t };
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        } finally {
          client.release();
        }
      }),
      CONCURRENCY,
      performance.now() + TIME_LIMIT_MS,
    );
    const baseSeconds = (performance.now() - started) / 1000;
    const base = await oversold(raw, twin.id, now);

    const a = report({ label: "holdBookings (Prisma)", seconds: appSeconds, outcomes: appOutcomes, placesHeld: app.held, oversold: app.over });
    const b = report({ label: "témoin pg nu", seconds: baseSeconds, outcomes: baseOutcomes, placesHeld: base.held, oversold: base.over });
    const f1 = (n: number) => n.toFixed(1);
    console.log("");
    console.log("| Variante | Demandes | Réservations tenues | Refusées (Complet) | Réservations/s | Demandes/s | p50 ms | p95 ms | Places tenues | Surréservées |");
    console.log("|---|---|---|---|---|---|---|---|---|---|");
    for (const r of [a, b]) {
      console.log(`| ${r.label} | ${r.requests} | ${r.held} | ${r.refused} | ${f1(r.holdsPerSecond)} | ${f1(r.requestsPerSecond)} | ${f1(r.p50)} | ${f1(r.p95)} | ${r.placesHeld} | ${r.oversold} |`);
    }
    console.log("");
    console.log(`Rapport réservations/s : holdBookings / témoin = ${(a.holdsPerSecond / b.holdsPerSecond).toFixed(2)} ; p95 ${(a.p95 / b.p95).toFixed(2)}× celui du témoin.`);
    if (a.oversold !== 0 || b.oversold !== 0) {
      console.error("SURRÉSERVATION : des places ont été vendues en trop.");
      process.exitCode = 1;
    }
    if (a.requests < families.length || b.requests < families.length) console.log("Limite de temps atteinte : toutes les demandes n'ont pas été jouées.");
  } finally {
    await db.$disconnect();
    await raw.end();
    await opened.close();
    if (!given) {
      // The migration engine's adapter keeps an idle pool we cannot reach;
      // FORCE ends those connections, whose pool then reports it: expected here.
      process.on("uncaughtException", (error) => {
        if ((error as { code?: string }).code !== "57P01") throw error;
      });
      await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
      await admin.end();
    }
  }
}

main()
  .then(async () => {
    console.log("");
    await benchBilling();
    process.exit(process.exitCode ?? 0);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
