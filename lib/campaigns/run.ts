import "server-only";
import { randomBytes } from "node:crypto";
import { createElement } from "react";
import { assertActor } from "@/lib/auth/roles";
import type { Actor } from "@/lib/audit";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { rawJson } from "@/lib/db/raw-json";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { dateToDay, dayToDate, makeDay, parisDay, parseDay, type Day } from "@/lib/dates";
import { ALLOCATION_DECIDER_LABELS, formatCents, formatDateTime, formatDay, fullDayLabel, personName } from "@/lib/format";
import { Prisma, type CampaignRule, type Regime } from "@/lib/generated/prisma/client";
import { priceFor, type TariffRow } from "@/lib/catalogue/rules";
import { issueInvoicesInTx, type InvoiceDraft } from "@/lib/billing/issue";
import { renderEmail } from "@/lib/mail";
import { tariffDefaultsOf, FALLBACK_SETTINGS, type SettingsDto } from "@/lib/settings";
import { CampaignResultEmail, campaignResultSubject, type CampaignResultChild, type CampaignResultEmailProps } from "@/lib/mail/templates/campaign-result-email";
import { allocate, drawSeed, placeKey, type AllocationInput, type AllocationRequest, type AllocationResult, type Outcome } from "./allocate";
import { campaignPhase } from "./phase";
import type { CampaignSettings } from "./select";

// Loading what an allocation reads, previewing it, and running it. Every
// read is one statement for the whole campaign (never one per household),
// and the run writes each kind of row in one statement, so 2,000 requests
// over 40 days are decided and written in a few seconds.

type Queryable = Db | Tx;

export type CampaignRow = CampaignSettings & {
  id: string;
  allocatedAt: Date | null;
  seed: string | null;
  productIds: string[];
};

type RequestRow = {
  id: string;
  householdId: string;
  personId: string;
  firstProductId: string;
  secondProductId: string | null;
  together: boolean;
  firstName: string;
  lastName: string;
  city: string;
  qf: number | null;
  qfValidUntil: Date | null;
  regime: Regime | null;
  workingParents: boolean;
  enrolled: boolean;
  days: { id: string; day: Day }[];
};

type SlotRow = { id: string; productId: string; day: Day; capacity: number; closed: boolean; active: number };

/** What an allocation reads, and the seed published for it. */
export type LoadedAllocation = {
  campaign: CampaignRow;
  requests: RequestRow[];
  slots: SlotRow[];
  input: AllocationInput;
};

/** A town as typed by a family or by staff, compared without case, accents or extra spaces. */
export function normaliseTown(town: string): string {
  return town.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

async function loadCampaign(db: Queryable, campaignId: string): Promise<CampaignRow | null> {
  const [row] = await db.$queryRaw<(Omit<CampaignRow, "firstDay" | "lastDay" | "allocationDay" | "productIds"> & { firstDay: Date; lastDay: Date; allocationDay: Date; productIds: unknown })[]>(Prisma.sql`
    SELECT c.id, c.label, c."firstDay", c."lastDay", c."opensAt", c."closesAt", c."allocationDay", c.rules::text[] AS rules,
           c."payWithinDays", c."offerHours", c."allocatedAt", c.seed,
           (SELECT COALESCE(json_agg(cp."B" ORDER BY cp."B"), '[]') FROM "_CampaignToProduct" cp WHERE cp."A" = c.id) AS "productIds"
      FROM "Campaign" c WHERE c.id = ${campaignId}`);
  if (!row) return null;
  return {
    ...row,
    rules: parseRules(row.rules),
    firstDay: dateToDay(row.firstDay),
    lastDay: dateToDay(row.lastDay),
    allocationDay: dateToDay(row.allocationDay),
    productIds: rawJson<string[]>(row.productIds),
  };
}

/** An enum array read raw: an array from PostgreSQL, its text form ("{RESIDENT,SIBLINGS}") from some drivers. */
function parseRules(value: unknown): CampaignRule[] {
  if (Array.isArray(value)) return value as CampaignRule[];
  const text = String(value ?? "").replace(/^\{|\}$/g, "");
  return (text ? text.split(",") : []) as CampaignRule[];
}

/** The first day of the 12 months before the window opened (an "enrolled" child attended then). */
function yearBefore(day: Day): Day {
  const { year, month, date } = parseDay(day);
  return makeDay(year - 1, month, date);
}

async function loadRequests(db: Queryable, campaign: CampaignRow): Promise<RequestRow[]> {
  const opened = parisDay(campaign.opensAt);
  const rows = await db.$queryRaw<(Omit<RequestRow, "days"> & { days: unknown })[]>(Prisma.sql`
    SELECT r.id, r."householdId", r."personId", r."firstProductId", r."secondProductId", r.together,
           p."firstName", p."lastName", h.city, h.qf, h."qfValidUntil", h.regime::text AS regime,
           (h."workingParents" AND h."workingParentsConfirmedAt" IS NOT NULL) AS "workingParents",
           EXISTS (
             SELECT 1 FROM "Booking" b JOIN "Slot" s ON s.id = b."slotId"
              WHERE b."personId" = r."personId" AND b.status = 'CONFIRMED' AND s."productId" = r."firstProductId"
                AND s.date >= ${dayToDate(yearBefore(opened))}::date AND s.date < ${dayToDate(opened)}::date
           ) AS enrolled,
           (SELECT COALESCE(json_agg(json_build_object('id', d.id, 'day', to_char(d.date, 'YYYY-MM-DD')) ORDER BY d.date), '[]')
              FROM "CampaignRequestDay" d WHERE d."requestId" = r.id) AS days
      FROM "CampaignRequest" r
      JOIN "Household" h ON h.id = r."householdId"
      JOIN "Person" p ON p.id = r."personId"
     WHERE r."campaignId" = ${campaign.id}
     ORDER BY r.id`);
  return rows.map((r) => ({ ...r, qf: r.qf == null ? null : Number(r.qf), days: rawJson<{ id: string; day: Day }[]>(r.days) }));
}

async function loadSlots(db: Queryable, campaign: CampaignRow, now: Date): Promise<SlotRow[]> {
  if (!campaign.productIds.length) return [];
  const rows = await db.$queryRaw<(Omit<SlotRow, "day"> & { day: string })[]>(Prisma.sql`
    SELECT s.id, s."productId", to_char(s.date, 'YYYY-MM-DD') AS day, s.capacity, s.closed,
           (SELECT count(*) FROM "Booking" b
             WHERE b."slotId" = s.id AND (b.status = 'CONFIRMED' OR (b.status = 'HELD' AND b."heldUntil" > ${now}::timestamp(3))))::int AS active
      FROM "Slot" s
     WHERE s."productId" = ANY(${campaign.productIds}::text[])
       AND s.date BETWEEN ${dayToDate(campaign.firstDay)}::date AND ${dayToDate(campaign.lastDay)}::date
     ORDER BY s.id`);
  return rows.map((r) => ({ ...r, capacity: Number(r.capacity), active: Number(r.active) }));
}

/** The settings an allocation reads, with the caller's client (the run's transaction sees what it prices on). */
async function loadResidentRule(db: Queryable) {
  const row = await db.authoritySettings.findUnique({ where: { id: 1 } });
  const settings: SettingsDto = row ? { ...row, openingHours: (row.openingHours ?? {}) as SettingsDto["openingHours"] } : FALLBACK_SETTINGS;
  const towns = settings.residentCities.length ? settings.residentCities : [settings.city];
  return {
    residents: new Set(towns.map(normaliseTown)),
    tariffDefaults: tariffDefaultsOf(settings),
    settings,
  };
}

/** The allocation's input as the contract defines it, from what was loaded. */
function buildInput(campaign: CampaignRow, requests: RequestRow[], slots: SlotRow[], residents: Set<string>): AllocationInput {
  const allocationRequests: AllocationRequest[] = requests
    .filter((r) => r.days.length > 0)
    .map((r) => ({
      id: r.id,
      householdId: r.householdId,
      personId: r.personId,
      days: r.days.map((d) => d.day),
      choices: r.secondProductId && r.secondProductId !== r.firstProductId ? [r.firstProductId, r.secondProductId] : [r.firstProductId],
      siblingGroup: r.together ? "together" : null,
      resident: residents.has(normaliseTown(r.city)),
      enrolled: r.enrolled,
      workingParents: r.workingParents,
    }));
  const places: Record<string, number> = {};
  for (const slot of slots) places[placeKey(slot.productId, slot.day)] = slot.closed ? 0 : Math.max(0, slot.capacity - slot.active);
  return { requests: allocationRequests, places, rules: campaign.rules, seed: drawSeed(allocationRequests, campaign.allocationDay) };
}

/** Everything an allocation of this campaign reads, now (read-only). */
export async function loadAllocation(db: Queryable, campaignId: string, now: Date): Promise<LoadedAllocation> {
  const campaign = await loadCampaign(db, campaignId);
  if (!campaign) throw new AppError("NOT_FOUND", "Campagne introuvable.");
  const { residents } = await loadResidentRule(db);
  const requests = await loadRequests(db, campaign);
  const slots = await loadSlots(db, campaign, now);
  return { campaign, requests, slots, input: buildInput(campaign, requests, slots, residents) };
}

/** The published seed: from the close of the window the request list no longer changes. */
export async function campaignSeed(campaignId: string, { db: given }: { db?: Db } = {}): Promise<string> {
  const db = given ?? (await getDb());
  const campaign = await loadCampaign(db, campaignId);
  if (!campaign) throw new AppError("NOT_FOUND", "Campagne introuvable.");
  if (campaign.seed) return campaign.seed;
  const { residents } = await loadResidentRule(db);
  return buildInput(campaign, await loadRequests(db, campaign), [], residents).seed;
}

export type DaySummary = { day: Day; productId: string; places: number; asked: number; attributed: number; waiting: number };

/** Per product and day: places left, children asking it first, and what the allocation gives. */
export function summariseByDay(input: AllocationInput, result: AllocationResult, slots: Pick<SlotRow, "productId" | "day">[]): DaySummary[] {
  const rows = new Map<string, DaySummary>();
  const row = (productId: string, day: Day) => {
    const key = placeKey(productId, day);
    let found = rows.get(key);
    if (!found) rows.set(key, (found = { day, productId, places: input.places[key] ?? 0, asked: 0, attributed: 0, waiting: 0 }));
    return found;
  };
  for (const slot of slots) row(slot.productId, slot.day);
  for (const request of input.requests) for (const day of request.days) row(request.choices[0], day).asked++;
  for (const outcome of result.outcomes) {
    if (outcome.result === "ATTRIBUTED") row(outcome.productId, outcome.day).attributed++;
    else row(outcome.productId, outcome.day).waiting++;
  }
  return [...rows.values()].filter((r) => r.asked || r.attributed || r.waiting).sort((a, b) => a.day.localeCompare(b.day) || a.productId.localeCompare(b.productId));
}

export type AllocationPreview = {
  seed: string;
  requests: number;
  attributed: number;
  waitlisted: number;
  days: DaySummary[];
};

/** What "Lancer l'attribution" would give now: read-only, nothing written. */
export async function previewAllocation({ campaignId, now = new Date(), db: given }: { campaignId: string; now?: Date; db?: Db }): Promise<AllocationPreview> {
  const db = given ?? (await getDb());
  const loaded = await loadAllocation(db, campaignId, now);
  const result = allocate(loaded.input);
  return {
    seed: loaded.input.seed,
    requests: loaded.input.requests.length,
    attributed: result.outcomes.filter((o) => o.result === "ATTRIBUTED").length,
    waitlisted: result.outcomes.filter((o) => o.result === "WAITLISTED").length,
    days: summariseByDay(loaded.input, result, loaded.slots),
  };
}

export type AllocationRun = {
  seed: string;
  attributed: number;
  waitlisted: number;
  invoices: number;
  /** The result emails queued: deliver them after commit (the maintenance run retries what is left). */
  emailIds: string[];
  /** Result emails whose content changed since the pre-pass, rendered again under the locks (0 when nothing moved in between). */
  emailsRenderedInTransaction: number;
};

type RenderedEmail = { html: string; text: string };

/**
 * What the unlocked pre-pass of "Lancer l'attribution" leaves for the
 * locked transaction: the result emails it would send, already rendered,
 * found by their exact content. Bound to the run's `now`, so the deadline
 * to pay in those emails is the one the transaction writes.
 */
export type PreparedAllocation = {
  campaignId: string;
  now: Date;
  rendered: ReadonlyMap<string, RenderedEmail>;
  /** Result emails rendered and the time it took (the benchmark prints it) */
  emails: number;
  renderMs: number;
};

/** Refusals that need no lock: a missing, allocated or still open campaign. Checked again under the campaign's lock. */
function refuseUnlessLaunchable(campaign: CampaignRow | null, now: Date): CampaignRow {
  if (!campaign) throw new AppError("NOT_FOUND", "Campagne introuvable.");
  if (campaign.allocatedAt) throw new AppError("CONFLICT", `L'attribution a déjà été lancée le ${formatDateTime(campaign.allocatedAt)}.`);
  if (campaignPhase(campaign, now) !== "CLOSED") {
    throw new AppError("CONFLICT", "Les demandes ne sont pas encore closes : l'attribution ne peut pas être lancée.");
  }
  return campaign;
}

type Gathered = {
  campaign: CampaignRow;
  requests: RequestRow[];
  slots: SlotRow[];
  input: AllocationInput;
  result: AllocationResult;
  tariffs: (TariffRow & { productId: string })[];
  products: { id: string; name: string; service: { name: string } }[];
  tariffDefaults: ReturnType<typeof tariffDefaultsOf>;
  settings: SettingsDto;
};

/** Reads what the allocation decides on and allocates; `lockSlots` runs after the requests are read and before the places are counted. */
async function gather(db: Queryable, campaign: CampaignRow, now: Date, lockSlots?: () => Promise<void>): Promise<Gathered> {
  const { residents, tariffDefaults, settings } = await loadResidentRule(db);
  const requests = await loadRequests(db, campaign);
  await lockSlots?.();
  const slots = await loadSlots(db, campaign, now);
  const input = buildInput(campaign, requests, slots, residents);
  const result = allocate(input);
  const tariffs = await db.tariff.findMany({ where: { productId: { in: campaign.productIds } } });
  const products = await db.product.findMany({
    where: { id: { in: campaign.productIds } },
    select: { id: true, name: true, service: { select: { name: true } } },
  });
  return { campaign, requests, slots, input, result, tariffs, products, tariffDefaults, settings };
}

type Booked = { id: string; slotId: string; personId: string; householdId: string; unitPriceCents: number; tariffId: string };
type DayUpdate = { id: string; outcome: string; productId: string; choice: number; rank: number | null; decidedBy: string; bookingId: string | null };
type Waiting = { id: string; slotId: string; personId: string; householdId: string; rank: number; groupKey: string | null; dayId: string };
type AuditRow = { actorId: string; action: string; targetType: string; targetId: string; details: Record<string, unknown> };

/** Every row an allocation writes, and each household's result email, decided from what was read (no database). */
type AllocationPlan = {
  heldUntil: Date;
  bookings: Booked[];
  dayUpdates: DayUpdate[];
  waitlist: Waiting[];
  drafts: InvoiceDraft[];
  audit: AuditRow[];
  emails: { householdId: string; props: CampaignResultEmailProps }[];
};

const CHOICE_WORDS = { 1: "1er choix", 2: "2e choix" } as const;

const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
let idPool = Buffer.alloc(0);
let idAt = 0;
/**
 * An id shaped as lib/db/ids newRowId's (a "c" and 24 lowercase letters and
 * digits), drawn from a shared random buffer: one randomBytes call per id
 * took a third of a second for an allocation's 35,000 rows, in each pass.
 */
function nextRowId(): string {
  if (idAt + 24 > idPool.length) {
    idPool = randomBytes(24 * 4096);
    idAt = 0;
  }
  let id = "c";
  for (let i = 0; i < 24; i++) id += ID_ALPHABET[idPool[idAt++] % 36];
  return id;
}

function planAllocation(g: Gathered, { actorId, now }: { actorId: string; now: Date }): AllocationPlan {
  const { campaign, requests, slots, input, result } = g;
  const heldUntil = new Date(now.getTime() + campaign.payWithinDays * 24 * 3_600_000);
  const requestById = new Map(requests.map((r) => [r.id, r]));
  const slotByKey = new Map(slots.map((s) => [placeKey(s.productId, s.day), s]));
  const productById = new Map(g.products.map((p) => [p.id, p]));
  const tariffsOf = new Map<string, TariffRow[]>();
  for (const t of g.tariffs) tariffsOf.set(t.productId, [...(tariffsOf.get(t.productId) ?? []), t]);
  const unitOf = new Map<string, { key: string; size: number }>();
  for (const unit of result.order) for (const id of unit.requestIds) unitOf.set(id, { key: unit.key, size: unit.requestIds.length });
  // Children of one unit waiting on one day share a rank: they are offered a place together.
  const waitingTogether = new Map<string, number>();
  for (const o of result.outcomes) {
    if (o.result !== "WAITLISTED") continue;
    const key = `${unitOf.get(o.requestId)!.key}|${o.day}`;
    waitingTogether.set(key, (waitingTogether.get(key) ?? 0) + 1);
  }

  const bookings: Booked[] = [];
  const dayUpdates: DayUpdate[] = [];
  const waitlist: Waiting[] = [];
  const drafts = new Map<string, InvoiceDraft>();
  const perRequest = new Map<string, { given: Outcome[]; waiting: Outcome[] }>();

  for (const outcome of result.outcomes) {
    const request = requestById.get(outcome.requestId)!;
    const dayRow = request.days.find((d) => d.day === outcome.day)!;
    const slot = slotByKey.get(placeKey(outcome.productId, outcome.day));
    const product = productById.get(outcome.productId)!;
    const sorted = perRequest.get(request.id) ?? { given: [], waiting: [] };
    perRequest.set(request.id, sorted);
    if (outcome.result === "ATTRIBUTED") {
      if (!slot) throw new Error(`An attributed day without a slot: ${outcome.productId} ${outcome.day}`);
      const price = priceFor(tariffsOf.get(outcome.productId) ?? [], request, outcome.day, g.tariffDefaults);
      if (!price) {
        throw new AppError("INVALID", `Aucun tarif n'est défini pour ${product.name} le ${fullDayLabel(outcome.day)} : ajoutez-en un avant de lancer l'attribution.`);
      }
      const bookingId = nextRowId();
      bookings.push({ id: bookingId, slotId: slot.id, personId: request.personId, householdId: request.householdId, unitPriceCents: price.unitPriceCents, tariffId: price.tariffId });
      dayUpdates.push({ id: dayRow.id, outcome: "ATTRIBUTED", productId: outcome.productId, choice: outcome.choice, rank: null, decidedBy: outcome.decidedBy, bookingId });
      let draft = drafts.get(request.householdId);
      if (!draft) drafts.set(request.householdId, (draft = { householdId: request.householdId, qf: request.qf, regime: request.regime, items: [] }));
      draft.items.push({
        bookingId,
        personId: request.personId,
        productId: outcome.productId,
        date: outcome.day,
        unitPriceCents: price.unitPriceCents,
        child: { firstName: request.firstName },
        product: { serviceName: product.service.name, name: product.name },
      });
      sorted.given.push(outcome);
    } else {
      dayUpdates.push({ id: dayRow.id, outcome: "WAITLISTED", productId: outcome.productId, choice: 1, rank: outcome.rank, decidedBy: outcome.decidedBy, bookingId: null });
      // A day without a slot (closed by a closure since the request) has no list to wait on; its rank stays on the request.
      if (slot) {
        const unit = unitOf.get(request.id)!;
        const together = (waitingTogether.get(`${unit.key}|${outcome.day}`) ?? 0) > 1;
        waitlist.push({ id: nextRowId(), slotId: slot.id, personId: request.personId, householdId: request.householdId, rank: outcome.rank!, groupKey: together ? unit.key : null, dayId: dayRow.id });
      }
      sorted.waiting.push(outcome);
    }
  }

  // The journal: the run, then each child's decisions with the rule that took them.
  const productName = (id: string) => productById.get(id)?.name ?? "";
  // Tens of thousands of days but only the campaign's few dates: each label formatted once.
  const labels = new Map<Day, { short: string; full: string }>();
  const labelOf = (day: Day) => {
    let label = labels.get(day);
    if (!label) labels.set(day, (label = { short: formatDay(day), full: fullDayLabel(day) }));
    return label;
  };
  const audit: AuditRow[] = [
    {
      actorId,
      action: "campaign.allocate",
      targetType: "Campaign",
      targetId: campaign.id,
      details: {
        label: campaign.label,
        seed: input.seed,
        requests: input.requests.length,
        attributed: bookings.length,
        waitlisted: dayUpdates.length - bookings.length,
        households: drafts.size,
      },
    },
    ...[...perRequest].map(([requestId, { given, waiting }]) => ({
      actorId,
      action: "campaign.decision",
      targetType: "CampaignRequest",
      targetId: requestId,
      details: {
        label: personName(requestById.get(requestId)!),
        attribuees: given.map((o) => `${labelOf(o.day).short} : ${productName(o.productId)} (${CHOICE_WORDS[o.choice]}, ${ALLOCATION_DECIDER_LABELS[o.decidedBy]})`),
        attente: waiting.map((o) => `${labelOf(o.day).short} : rang ${o.rank} (${ALLOCATION_DECIDER_LABELS[o.decidedBy]})`),
      },
    })),
  ];

  // One result per household: what each child was given, the amount and the deadline to pay, what waits and at which rank.
  const url = `${env().appUrl}/demandes/campagnes/${campaign.id}`;
  const childrenOf = new Map<string, CampaignResultChild[]>();
  for (const r of requests) {
    const decided = perRequest.get(r.id);
    if (!decided) continue;
    const children = childrenOf.get(r.householdId) ?? [];
    childrenOf.set(r.householdId, children);
    children.push({
      name: r.firstName,
      given: decided.given.map((o) => ({ day: labelOf(o.day).full, product: productName(o.productId) })),
      waiting: decided.waiting.map((o) => ({ day: labelOf(o.day).full, product: productName(o.productId), rank: o.rank ?? 0 })),
    });
  }
  const emails = [...childrenOf].map(([householdId, results]) => {
    const draft = drafts.get(householdId);
    const totalCents = draft ? draft.items.reduce((sum, i) => sum + i.unitPriceCents, 0) : 0;
    const props: CampaignResultEmailProps = {
      settings: g.settings,
      campaignLabel: campaign.label,
      results,
      amount: draft ? formatCents(totalCents) : null,
      payBefore: draft ? formatDateTime(heldUntil) : null,
      url,
    };
    return { householdId, props };
  });

  return { heldUntil, bookings, dayUpdates, waitlist, drafts: [...drafts.values()], audit, emails };
}

/** The active parent accounts with an email of each household, oldest first. */
async function loadRecipients(db: Queryable, householdIds: string[]): Promise<Map<string, string[]>> {
  const toByHousehold = new Map<string, string[]>();
  if (!householdIds.length) return toByHousehold;
  const recipients = await db.$queryRaw<{ email: string; householdId: string }[]>(Prisma.sql`
    SELECT u.email, p."householdId" FROM "User" u JOIN "Person" p ON p.id = u."personId"
     WHERE u.status = 'ACTIVE' AND u.role = 'PARENT' AND u.email <> '' AND p."householdId" = ANY(${householdIds}::text[])
     ORDER BY u."createdAt", u.id`);
  for (const r of recipients) toByHousehold.set(r.householdId, [...(toByHousehold.get(r.householdId) ?? []), r.email]);
  return toByHousehold;
}

/** A rendered email is reused only for exactly the same subject and props: anything that changed in between renders it again. */
const settingsJsonOf = new WeakMap<object, string>();
function emailKey(subject: string, { settings, ...rest }: CampaignResultEmailProps): string {
  // The settings (legal notice, user guide: long texts) are one object per pass: serialised once, not once per household.
  let settingsJson = settingsJsonOf.get(settings);
  if (settingsJson === undefined) settingsJsonOf.set(settings, (settingsJson = JSON.stringify(settings)));
  return JSON.stringify([subject, settingsJson, rest]);
}

/** Renders the emails not yet in `cache` (each distinct content once) and adds them to it; returns how many it rendered. */
async function renderMissing(subject: string, propsList: CampaignResultEmailProps[], cache: Map<string, RenderedEmail>): Promise<number> {
  const missing = new Map<string, CampaignResultEmailProps>();
  for (const props of propsList) {
    const key = emailKey(subject, props);
    if (!cache.has(key)) missing.set(key, props);
  }
  const jobs = [...missing];
  // A few at once overlap render's awaits (about twice as fast as one by one).
  for (let i = 0; i < jobs.length; i += 50) {
    const batch = jobs.slice(i, i + 50);
    const rendered = await Promise.all(batch.map(([, props]) => renderEmail({ subject, element: createElement(CampaignResultEmail, props) })));
    batch.forEach(([key], index) => cache.set(key, rendered[index]));
  }
  return jobs.length;
}

/**
 * The first half of "Lancer l'attribution", without any lock: refuses
 * what can be refused at once (allocated, not closed, a day given without a
 * tariff), then reads, allocates and renders every result email as things
 * stand, so that rendering (most of the run's time) no longer happens while
 * the campaign and its slots are locked. Nothing is written.
 */
export async function prepareAllocation({ actor, campaignId, now, db }: { actor: Actor; campaignId: string; now: Date; db: Db }): Promise<PreparedAllocation> {
  assertActor(actor, "staff");
  const campaign = refuseUnlessLaunchable(await loadCampaign(db, campaignId), now);
  const gathered = await gather(db, campaign, now);
  const plan = planAllocation(gathered, { actorId: actor.id, now });
  const recipients = await loadRecipients(db, plan.emails.map((e) => e.householdId));
  const started = performance.now();
  const rendered = new Map<string, RenderedEmail>();
  const emails = plan.emails.filter((e) => recipients.get(e.householdId)?.length).map((e) => e.props);
  await renderMissing(campaignResultSubject(campaign.label), emails, rendered);
  return { campaignId, now, rendered, emails: emails.length, renderMs: performance.now() - started };
}

/**
 * The second half: one READ COMMITTED transaction that locks the campaign
 * (a second launch waits, then finds it allocated and writes nothing),
 * locks every slot of the campaign, reads the requests and the places left
 * again under those locks, allocates, and writes the outcome of every day,
 * the held and priced bookings, the waiting lists, one pending invoice per
 * household, the audit trail and the result emails. An email is taken from
 * the pre-pass only when its content is the same; one that changed in
 * between (a place freed, working parents confirmed…) is rendered here.
 */
export async function commitAllocation({ actor, prepared, db }: { actor: Actor; prepared: PreparedAllocation; db: Db }): Promise<AllocationRun> {
  assertActor(actor, "staff");
  const { campaignId, now } = prepared;
  return db.$transaction(
    async (tx) => {
      if (!(await lockRows(tx, "Campaign", [campaignId])).length) throw new AppError("NOT_FOUND", "Campagne introuvable.");
      const campaign = refuseUnlessLaunchable(await loadCampaign(tx, campaignId), now);
      const gathered = await gather(tx, campaign, now, async () => {
        const slotIds = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
          SELECT id FROM "Slot" WHERE "productId" = ANY(${campaign.productIds}::text[])
             AND date BETWEEN ${dayToDate(campaign.firstDay)}::date AND ${dayToDate(campaign.lastDay)}::date`);
        // From here no hold, cancellation or offer changes the places counted until commit.
        await lockRows(tx, "Slot", slotIds.map((s) => s.id));
      });
      const plan = planAllocation(gathered, { actorId: actor.id, now });
      return writeAllocation(tx, { actorId: actor.id, now, campaign, input: gathered.input, plan, rendered: prepared.rendered });
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 300_000, maxWait: 20_000 },
  );
}

/**
 * "Lancer l'attribution" (staff, once the window closed): the unlocked
 * pre-pass that renders the result emails, then the locked transaction
 * that decides again on what it reads and writes everything at once.
 */
export async function runAllocation({
  actor,
  campaignId,
  now = new Date(),
  db: given,
}: {
  actor: Actor;
  campaignId: string;
  now?: Date;
  db?: Db;
}): Promise<AllocationRun> {
  assertActor(actor, "staff");
  const db = given ?? (await getDb());
  const prepared = await prepareAllocation({ actor, campaignId, now, db });
  return commitAllocation({ actor, prepared, db });
}

async function writeAllocation(
  tx: Tx,
  { actorId, now, campaign, input, plan, rendered }: { actorId: string; now: Date; campaign: CampaignRow; input: AllocationInput; plan: AllocationPlan; rendered: ReadonlyMap<string, RenderedEmail> },
): Promise<AllocationRun> {
  const { bookings, dayUpdates, waitlist, heldUntil } = plan;
  const writtenAt = new Date();
  if (bookings.length) {
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO "Booking" (id, "slotId", "personId", "householdId", status, "heldUntil", "unitPriceCents", "tariffId", "createdById", "createdAt", "updatedAt")
      SELECT b.id, b."slotId", b."personId", b."householdId", 'HELD', ${heldUntil}::timestamp(3), b."unitPriceCents", b."tariffId",
             ${actorId}::text, ${writtenAt}::timestamp(3), ${writtenAt}::timestamp(3)
        FROM jsonb_to_recordset(${JSON.stringify(bookings)}::jsonb)
          AS b(id text, "slotId" text, "personId" text, "householdId" text, "unitPriceCents" int, "tariffId" text)`);
  }
  if (dayUpdates.length) {
    await tx.$executeRaw(Prisma.sql`
      UPDATE "CampaignRequestDay" d
         SET outcome = v.outcome::"CampaignOutcome", "productId" = v."productId", choice = v.choice, rank = v.rank,
             "decidedBy" = v."decidedBy", "bookingId" = v."bookingId"
        FROM jsonb_to_recordset(${JSON.stringify(dayUpdates)}::jsonb)
          AS v(id text, outcome text, "productId" text, choice int, rank int, "decidedBy" text, "bookingId" text)
       WHERE d.id = v.id`);
  }
  if (waitlist.length) {
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO "WaitlistEntry" (id, "slotId", "personId", "householdId", rank, "groupKey", status, "campaignRequestDayId", "createdById", "createdAt", "updatedAt")
      SELECT w.id, w."slotId", w."personId", w."householdId", w.rank, w."groupKey", 'WAITING', w."dayId", ${actorId}::text,
             ${writtenAt}::timestamp(3), ${writtenAt}::timestamp(3)
        FROM jsonb_to_recordset(${JSON.stringify(waitlist)}::jsonb)
          AS w(id text, "slotId" text, "personId" text, "householdId" text, rank int, "groupKey" text, "dayId" text)`);
  }
  const { seed, ...inputs } = input;
  await tx.$executeRaw(Prisma.sql`
    UPDATE "Campaign" SET seed = ${seed}, inputs = ${JSON.stringify(inputs)}::jsonb, "allocatedAt" = ${now}::timestamp(3),
           "allocatedById" = ${actorId}::text, "updatedAt" = ${writtenAt}::timestamp(3)
     WHERE id = ${campaign.id}`);
  // Big writes as one raw statement with one JSON parameter: Prisma's query compiler took over a second on the same rows
  // given to createMany/update (2,000 journal entries, 1,400 emails, the stored inputs).
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "AuditEvent" (id, "actorId", action, "targetType", "targetId", details, "createdAt")
    SELECT a.id, a."actorId", a.action, a."targetType", a."targetId", a.details, ${writtenAt}::timestamp(3)
      FROM jsonb_to_recordset(${JSON.stringify(plan.audit.map((a) => ({ id: nextRowId(), ...a })))}::jsonb)
        AS a(id text, "actorId" text, action text, "targetType" text, "targetId" text, details jsonb)`);

  // One message per household to each of its active parent accounts. Always sent (it answers the family's own request and
  // sets a deadline to pay), queued in the transaction.
  const recipients = await loadRecipients(tx, plan.emails.map((e) => e.householdId));
  const subject = campaignResultSubject(campaign.label);
  const sent = plan.emails.filter((e) => recipients.get(e.householdId)?.length);
  const cache = new Map(rendered);
  const renderedHere = await renderMissing(subject, sent.map((e) => e.props), cache);
  const clock = new Date();
  const messages = sent.flatMap(({ householdId, props }) => {
    const { html, text } = cache.get(emailKey(subject, props))!;
    return recipients.get(householdId)!.map((to) => ({ id: nextRowId(), to, html, text }));
  });
  if (messages.length) {
    // json, not jsonb: megabytes of HTML read once need no binary form.
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO "EmailMessage" (id, "to", subject, template, html, text, status, attempts, "nextAttemptAt", "createdAt")
      SELECT m.id, m."to", ${subject}, 'campaign-result', m.html, m.text, 'QUEUED', 0, ${clock}::timestamp(3), ${clock}::timestamp(3)
        FROM json_to_recordset(${JSON.stringify(messages)}::json) AS m(id text, "to" text, html text, text text)`);
  }

  // Last: the invoice counter stays locked until commit.
  const invoices = await issueInvoicesInTx(tx, plan.drafts, { actorId, now });
  return {
    seed,
    attributed: bookings.length,
    waitlisted: dayUpdates.length - bookings.length,
    invoices: invoices.length,
    emailIds: messages.map((m) => m.id),
    emailsRenderedInTransaction: renderedHere,
  };
}
