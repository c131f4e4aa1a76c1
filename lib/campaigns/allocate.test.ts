import { describe, expect, it } from "vitest";
import { addDays, type Day } from "@/lib/dates";
import { allocate, drawSeed, orderUnits, placeKey, type AllocationRequest, type AllocationRule, type Outcome } from "./allocate";

const RULES: AllocationRule[] = ["RESIDENT", "SIBLINGS", "ENROLLED", "WORKING_PARENTS"];
const DAY: Day = "2027-02-15";

let n = 0;
function request(overrides: Partial<AllocationRequest> = {}): AllocationRequest {
  n += 1;
  return {
    id: `r${String(n).padStart(4, "0")}`,
    householdId: `h${n}`,
    personId: `p${n}`,
    days: [DAY],
    choices: ["centre"],
    siblingGroup: null,
    resident: false,
    enrolled: false,
    workingParents: false,
    ...overrides,
  };
}

/** A small deterministic generator, so the property checks below run the same cases every time. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A campaign like a real one: households of 1–3 children, half of them marked together, over `days` days. */
function campaign(households: number, days: number, seed = 1) {
  const random = generator(seed);
  const allDays = Array.from({ length: days }, (_, i) => addDays(DAY, i));
  const requests: AllocationRequest[] = [];
  for (let h = 0; h < households; h++) {
    const children = 1 + Math.floor(random() * 3);
    const together = children > 1 && random() < 0.5;
    const wanted = allDays.filter(() => random() < 0.6);
    const resident = random() < 0.7;
    const workingParents = random() < 0.5;
    for (let c = 0; c < children; c++) {
      requests.push({
        id: `h${h}c${c}`,
        householdId: `h${h}`,
        personId: `h${h}p${c}`,
        days: together ? wanted : allDays.filter(() => random() < 0.6),
        choices: random() < 0.3 ? ["centre", "annexe"] : ["centre"],
        siblingGroup: together ? "fratrie" : null,
        resident,
        enrolled: random() < 0.3,
        workingParents,
      });
    }
  }
  const places: Record<string, number> = {};
  for (const day of allDays) {
    places[placeKey("centre", day)] = Math.floor(households * 0.5);
    places[placeKey("annexe", day)] = Math.floor(households * 0.1);
  }
  return { requests, places };
}

const shuffled = <T,>(list: T[], seed: number) => {
  const random = generator(seed);
  return list
    .map((item) => ({ item, k: random() }))
    .sort((a, b) => a.k - b.k)
    .map(({ item }) => item);
};

const group = (outcomes: Outcome[], key: (o: Outcome) => string) => {
  const map = new Map<string, Outcome[]>();
  for (const o of outcomes) map.set(key(o), [...(map.get(key(o)) ?? []), o]);
  return map;
};

describe("the campaign allocation", () => {
  it("gives the same result from the same inputs and seed, whatever order the requests are read in", () => {
    const { requests, places } = campaign(120, 10);
    const seed = drawSeed(requests, "2027-01-20");
    const once = allocate({ requests, places, rules: RULES, seed });
    const again = allocate({ requests: shuffled(requests, 7), places, rules: RULES, seed: drawSeed(shuffled(requests, 9), "2027-01-20") });
    expect(again).toEqual(once);
    expect(once.outcomes.some((o) => o.result === "WAITLISTED")).toBe(true);
  });

  it("publishes a seed anyone can recompute from the request list and the date, and that changes with either", () => {
    const { requests } = campaign(20, 3);
    const seed = drawSeed(requests, "2027-01-20");
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(drawSeed([...requests].reverse(), "2027-01-20")).toBe(seed);
    expect(drawSeed(requests, "2027-01-21")).not.toBe(seed);
    expect(drawSeed([{ ...requests[0], days: [...requests[0].days, "2027-03-01"] }, ...requests.slice(1)], "2027-01-20")).not.toBe(seed);
  });

  it("draws differently with another seed, so the draw does decide", () => {
    const { requests, places } = campaign(120, 10);
    const a = allocate({ requests, places, rules: [], seed: "a" });
    const b = allocate({ requests, places, rules: [], seed: "b" });
    expect(a.outcomes).not.toEqual(b.outcomes);
  });

  it("never exceeds a day's places, never splits siblings marked together, ranks each waiting list 1, 2, 3… per unit", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { requests, places } = campaign(80, 8, seed);
      const { outcomes } = allocate({ requests, places, rules: shuffled(RULES, seed), seed: `s${seed}` });
      const byId = new Map(requests.map((r) => [r.id, r]));

      for (const [key, list] of group(outcomes.filter((o) => o.result === "ATTRIBUTED"), (o) => placeKey(o.productId, o.day))) {
        expect(list.length, key).toBeLessThanOrEqual(places[key]);
      }
      // Every day asked has exactly one outcome.
      expect(outcomes).toHaveLength(requests.reduce((sum, r) => sum + new Set(r.days).size, 0));

      const siblings = group(
        outcomes.filter((o) => byId.get(o.requestId)!.siblingGroup),
        (o) => `${byId.get(o.requestId)!.householdId}|${o.day}`,
      );
      for (const [key, list] of siblings) {
        const shapes = new Set(list.map((o) => `${o.result}|${o.productId}|${o.rank}`));
        expect(shapes.size, `siblings split on ${key}: ${[...shapes].join(", ")}`).toBe(1);
      }

      for (const [key, list] of group(outcomes.filter((o) => o.result === "WAITLISTED"), (o) => placeKey(o.productId, o.day))) {
        const ranks = [...new Set(list.map((o) => o.rank!))].sort((a, b) => a - b);
        expect(ranks, key).toEqual(ranks.map((_, i) => i + 1));
      }
    }
  });

  it("orders by the staff's rules in their order, the draw last", () => {
    const resident = request({ resident: true });
    const working = request({ workingParents: true });
    const both = request({ resident: true, workingParents: true });
    const neither = request();
    const keys = (rules: AllocationRule[]) => orderUnits([neither, working, resident, both], rules, "seed").map((u) => u.key);
    expect(keys(["RESIDENT", "WORKING_PARENTS"])).toEqual([both.id, resident.id, working.id, neither.id]);
    expect(keys(["WORKING_PARENTS", "RESIDENT"])).toEqual([both.id, working.id, resident.id, neither.id]);
  });

  it("gives the last place by the first rule that separates two families, and says which", () => {
    const resident = request({ resident: true });
    const outsider = request({ workingParents: true });
    const { outcomes } = allocate({ requests: [outsider, resident], places: { [placeKey("centre", DAY)]: 1 }, rules: ["RESIDENT", "WORKING_PARENTS"], seed: "x" });
    expect(outcomes.find((o) => o.requestId === resident.id)).toMatchObject({ result: "ATTRIBUTED", decidedBy: "RESIDENT" });
    expect(outcomes.find((o) => o.requestId === outsider.id)).toMatchObject({ result: "WAITLISTED", rank: 1, decidedBy: "RESIDENT" });

    const twins = [request(), request()];
    const tie = allocate({ requests: twins, places: { [placeKey("centre", DAY)]: 1 }, rules: ["RESIDENT"], seed: "x" });
    expect(tie.outcomes.map((o) => o.decidedBy)).toEqual(["DRAW", "DRAW"]);

    const plenty = allocate({ requests: twins, places: { [placeKey("centre", DAY)]: 5 }, rules: ["RESIDENT"], seed: "x" });
    expect(plenty.outcomes.map((o) => o.decidedBy)).toEqual(["PLACES", "PLACES"]);
  });

  it("keeps siblings together: with one place left a pair waits and a single child behind it gets the place", () => {
    const pair = [request({ householdId: "fam", siblingGroup: "g", resident: true }), request({ householdId: "fam", siblingGroup: "g", resident: true })];
    const single = request();
    const { outcomes } = allocate({ requests: [single, ...pair], places: { [placeKey("centre", DAY)]: 1 }, rules: ["RESIDENT"], seed: "x" });
    for (const p of pair) expect(outcomes.find((o) => o.requestId === p.id)).toMatchObject({ result: "WAITLISTED", rank: 1, decidedBy: "GROUP_SIZE" });
    expect(outcomes.find((o) => o.requestId === single.id)).toMatchObject({ result: "ATTRIBUTED", decidedBy: "GROUP_SIZE" });
  });

  it("with the SIBLINGS rule puts families who asked together first", () => {
    const pair = [request({ householdId: "fam2", siblingGroup: "g" }), request({ householdId: "fam2", siblingGroup: "g" })];
    const singles = [request(), request()];
    const { outcomes } = allocate({ requests: [...singles, ...pair], places: { [placeKey("centre", DAY)]: 2 }, rules: ["SIBLINGS"], seed: "x" });
    for (const p of pair) expect(outcomes.find((o) => o.requestId === p.id)).toMatchObject({ result: "ATTRIBUTED", decidedBy: "SIBLINGS" });
    expect(outcomes.filter((o) => singles.some((s) => s.id === o.requestId)).map((o) => o.rank)).toEqual(expect.arrayContaining([1, 2]));
  });

  it("offers the second choice to a child who waits on the first, and then takes it off the first's waiting list", () => {
    const first = request({ resident: true });
    const flexible = request({ choices: ["centre", "annexe"] });
    const stubborn = request();
    const { outcomes } = allocate({
      requests: [first, flexible, stubborn],
      places: { [placeKey("centre", DAY)]: 1, [placeKey("annexe", DAY)]: 1 },
      rules: ["RESIDENT"],
      seed: "x",
    });
    expect(outcomes.find((o) => o.requestId === flexible.id)).toMatchObject({ result: "ATTRIBUTED", productId: "annexe", choice: 2 });
    expect(outcomes.find((o) => o.requestId === stubborn.id)).toMatchObject({ result: "WAITLISTED", productId: "centre", rank: 1 });
  });

  it("refuses a rule it does not know rather than ignoring it", () => {
    expect(() => allocate({ requests: [request()], places: {}, rules: ["AGE" as AllocationRule], seed: "x" })).toThrow(/Unknown allocation rule AGE/);
  });
});
