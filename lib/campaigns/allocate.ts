import { createHash } from "node:crypto";
import type { Day } from "@/lib/dates";

/**
 * The fair allocation of a holiday-centre campaign: what every request gets,
 * computed from its inputs and a published seed alone, so that anyone given
 * the request list can re-run it and find the same result. No database, no
 * clock: the caller loads, then writes the result in one transaction.
 *
 * - A unit is what is allocated at once: a child, or siblings their parents
 *   marked "ensemble" (all of them get a day, or none does).
 * - Units are ordered once for the whole campaign by the staff's rules, in
 *   their order, each a yes/no that puts "yes" first, then by a draw: the
 *   SHA-256 of the seed and the unit's key. The time of the request plays no
 *   role.
 * - Day by day, in that order, a unit gets the day on its first choice when
 *   there are places for all its children that asked for it; otherwise it
 *   waits. Then, in the same order, units still waiting try their second
 *   choice's places; a day given there leaves the first choice's waiting
 *   list. Waiting lists are ranked last, without gaps, one rank per unit.
 */

/** The staff's rules, from the fixed list; the draw always comes last. */
export const ALLOCATION_RULES = ["RESIDENT", "SIBLINGS", "ENROLLED", "WORKING_PARENTS"] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

/**
 * What decided an outcome: a rule (the first one on which this unit and the
 * one it was compared with differ), the draw, PLACES (there were places for
 * every unit that asked, or none at all), or GROUP_SIZE (a sibling group did
 * not fit in the places left, which went to a smaller unit behind it).
 */
export type Decider = AllocationRule | "DRAW" | "PLACES" | "GROUP_SIZE";

export type AllocationRequest = {
  /** One child's request */
  id: string;
  householdId: string;
  personId: string;
  /** The days wanted, the same on both choices */
  days: Day[];
  /** The product asked first, then an optional second choice */
  choices: [string] | [string, string];
  /** Requests of one household sharing this are allocated together */
  siblingGroup: string | null;
  /** The household lives in the authority */
  resident: boolean;
  /** The child already attends the centre */
  enrolled: boolean;
  /** Both parents (or the single parent) work, as staff confirmed */
  workingParents: boolean;
};

export type AllocationInput = {
  requests: AllocationRequest[];
  /** Places per product and day: capacity["productId|2027-02-15"]; a missing key means no place */
  places: Record<string, number>;
  rules: readonly AllocationRule[];
  seed: string;
};

export type Outcome = {
  requestId: string;
  day: Day;
  /** The product it was given on, or the first choice it waits for */
  productId: string;
  result: "ATTRIBUTED" | "WAITLISTED";
  /** Rank on the first choice's waiting list for that day (1 = next) */
  rank: number | null;
  choice: 1 | 2;
  decidedBy: Decider;
};

export type UnitOrder = { key: string; requestIds: string[]; criteria: Record<AllocationRule, boolean>; draw: string };

export type AllocationResult = { seed: string; order: UnitOrder[]; outcomes: Outcome[] };

export const placeKey = (productId: string, day: Day) => `${productId}|${day}`;

/**
 * The seed published before the draw: the hash of the request list (in a
 * canonical order, so the way it was read does not matter) and of the date
 * the staff announced. Anyone holding the list can recompute it.
 */
export function drawSeed(requests: readonly AllocationRequest[], announcedOn: Day): string {
  const canonical = [...requests]
    .map((r) => [r.id, r.householdId, r.personId, [...r.days].sort(), r.choices, r.siblingGroup, r.resident, r.enrolled, r.workingParents])
    .sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
  return createHash("sha256").update(JSON.stringify({ announcedOn, requests: canonical })).digest("hex");
}

function unitsOf(requests: readonly AllocationRequest[]) {
  const units = new Map<string, AllocationRequest[]>();
  for (const request of requests) {
    const key = request.siblingGroup ? `${request.householdId}:${request.siblingGroup}` : request.id;
    const members = units.get(key);
    if (members) members.push(request);
    else units.set(key, [request]);
  }
  return units;
}

/** Orders the units: rules in the staff's order ("yes" first), then the draw. */
export function orderUnits(requests: readonly AllocationRequest[], rules: readonly AllocationRule[], seed: string): UnitOrder[] {
  const order = [...unitsOf(requests)].map(([key, members]): UnitOrder => ({
    key,
    requestIds: members.map((m) => m.id).sort(),
    criteria: {
      RESIDENT: members.some((m) => m.resident),
      SIBLINGS: members.length > 1,
      ENROLLED: members.some((m) => m.enrolled),
      WORKING_PARENTS: members.some((m) => m.workingParents),
    },
    draw: createHash("sha256").update(`${seed}:${key}`).digest("hex"),
  }));
  return order.sort((a, b) => {
    for (const rule of rules) {
      if (a.criteria[rule] !== b.criteria[rule]) return a.criteria[rule] ? -1 : 1;
    }
    return a.draw < b.draw ? -1 : a.draw > b.draw ? 1 : a.key < b.key ? -1 : 1;
  });
}

/** The first rule on which two units differ, else the draw. */
function separating(a: UnitOrder, b: UnitOrder, rules: readonly AllocationRule[]): Decider {
  return rules.find((rule) => a.criteria[rule] !== b.criteria[rule]) ?? "DRAW";
}

type Ask = { unit: number; requests: AllocationRequest[] };

export function allocate({ requests, places, rules, seed }: AllocationInput): AllocationResult {
  const unknown = rules.find((rule) => !ALLOCATION_RULES.includes(rule));
  if (unknown) throw new Error(`Unknown allocation rule ${unknown}`);
  const byId = new Map(requests.map((r) => [r.id, r]));
  const order = orderUnits(requests, rules, seed);
  const left = new Map(Object.entries(places));

  // Per product and day, the units asking it, in order.
  const firstAsks = new Map<string, Ask[]>();
  order.forEach((unit, index) => {
    const perPlace = new Map<string, AllocationRequest[]>();
    for (const id of unit.requestIds) {
      const request = byId.get(id)!;
      for (const day of new Set(request.days)) {
        const key = placeKey(request.choices[0], day);
        perPlace.set(key, [...(perPlace.get(key) ?? []), request]);
      }
    }
    for (const [key, members] of perPlace) {
      const asks = firstAsks.get(key);
      if (asks) asks.push({ unit: index, requests: members });
      else firstAsks.set(key, [{ unit: index, requests: members }]);
    }
  });

  type Decision = { ask: Ask; day: Day; productId: string; given: boolean; choice: 1 | 2 };
  const decisions = new Map<string, Decision[]>();
  const record = (key: string, decision: Decision) => {
    const list = decisions.get(key);
    if (list) list.push(decision);
    else decisions.set(key, [decision]);
  };
  const take = (key: string, n: number) => {
    const free = left.get(key) ?? 0;
    if (free < n) return false;
    left.set(key, free - n);
    return true;
  };

  const waiting: { key: string; ask: Ask; day: Day }[] = [];
  for (const [key, asks] of firstAsks) {
    const [productId, day] = key.split("|");
    for (const ask of asks) {
      const given = take(key, ask.requests.length);
      record(key, { ask, day, productId, given, choice: 1 });
      if (!given) waiting.push({ key, ask, day });
    }
  }

  // Second choices, in the units' order whatever the day.
  const onSecond = new Set<Decision>();
  waiting.sort((a, b) => a.ask.unit - b.ask.unit || (a.day < b.day ? -1 : 1));
  for (const { key, ask, day } of waiting) {
    const second = ask.requests[0].choices[1];
    if (!second || ask.requests.some((r) => r.choices[1] !== second)) continue;
    const secondKey = placeKey(second, day);
    if (!take(secondKey, ask.requests.length)) continue;
    const decision: Decision = { ask, day, productId: second, given: true, choice: 2 };
    record(secondKey, decision);
    onSecond.add(decision);
    const first = decisions.get(key)!.find((d) => d.ask === ask && !d.given)!;
    decisions.set(key, decisions.get(key)!.filter((d) => d !== first));
  }

  const outcomes: Outcome[] = [];
  for (const list of decisions.values()) {
    const given = list.filter((d) => d.given);
    const waitingHere = list.filter((d) => !d.given).sort((a, b) => a.ask.unit - b.ask.unit);
    const firstWaiting = waitingHere[0];
    for (const decision of given) {
      let decidedBy: Decider = "PLACES";
      if (firstWaiting && !onSecond.has(decision)) {
        decidedBy =
          decision.ask.unit < firstWaiting.ask.unit
            ? separating(order[decision.ask.unit], order[firstWaiting.ask.unit], rules)
            : "GROUP_SIZE";
      }
      for (const request of decision.ask.requests) {
        outcomes.push({ requestId: request.id, day: decision.day, productId: decision.productId, result: "ATTRIBUTED", rank: null, choice: decision.choice, decidedBy });
      }
    }
    waitingHere.forEach((decision, index) => {
      // Compared with the last unit ahead of it that was given the day.
      const compared = given.filter((d) => d.choice === 1 && d.ask.unit < decision.ask.unit).at(-1);
      let decidedBy: Decider = compared ? separating(order[compared.ask.unit], order[decision.ask.unit], rules) : "PLACES";
      if (given.some((d) => d.choice === 1 && d.ask.unit > decision.ask.unit)) decidedBy = "GROUP_SIZE";
      for (const request of decision.ask.requests) {
        outcomes.push({ requestId: request.id, day: decision.day, productId: decision.productId, result: "WAITLISTED", rank: index + 1, choice: 1, decidedBy });
      }
    });
  }
  outcomes.sort((a, b) => (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { seed, order, outcomes };
}
