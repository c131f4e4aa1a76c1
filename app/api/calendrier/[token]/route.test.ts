import { describe, expect, it } from "vitest";
import { createCanteen, createFamily } from "@/lib/bookings/testing";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/calendar-feed";
import { getDb } from "@/lib/db/client";
import { GET } from "./route";

const fetchFeed = (path: string, address = "198.51.100.7") =>
  GET(new Request(`http://localhost/api/calendrier/${path}`, { headers: { "x-forwarded-for": address } }), {
    params: Promise.resolve({ token: path }),
  });

describe("GET /api/calendrier/[token]", () => {
  it("answers the calendar without a session, privately cached, and 404 once revoked", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    const family = await createFamily(db, { schoolClassId: canteen.schoolClass.id });
    const { id, url } = await createCalendarFeed({ actor: { id: family.account.id, householdId: family.household.id }, label: "Agenda" });
    const path = url.split("/api/calendrier/")[1];

    const ok = await fetchFeed(path);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(ok.headers.get("cache-control")).toBe("private, max-age=900");
    expect(ok.headers.get("set-cookie")).toBeNull();
    expect(await ok.text()).toMatch(/^BEGIN:VCALENDAR/);
    // The same token without ".ics" works too: some apps drop it.
    expect((await fetchFeed(path.replace(/\.ics$/, ""))).status).toBe(200);

    await revokeCalendarFeed({ householdId: family.household.id, feedId: id });
    const gone = await fetchFeed(path);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("cache-control")).toBe("no-store");
    expect(await gone.text()).toContain("introuvable");
  });

  it("slows a client that keeps trying unknown addresses", async () => {
    const address = "203.0.113.9";
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await fetchFeed(`${"A".repeat(42)}${i % 10}.ics`, address)).status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Junk that is not even a token is counted the same way.
    expect((await fetchFeed("../../etc/passwd", address)).status).toBe(429);
    expect((await fetchFeed("nimportequoi", "192.0.2.1")).status).toBe(404);
  });
});
