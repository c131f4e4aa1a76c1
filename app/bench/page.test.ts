import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { createHousehold } from "@/lib/factories";
import BenchBaselinePage from "./page";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the benchmark's baseline page", () => {
  it("does not exist without the switch the benchmark sets", async () => {
    const error = await BenchBaselinePage().then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as { digest?: string } | null)?.digest).toMatch(/404/);
  });

  it("answers its one query when the benchmark's server runs", async () => {
    await createHousehold(await getDb(), { name: "TÉMOIN", address1: "1 rue", postalCode: "75001", city: "Paris", members: [] });
    vi.stubEnv("BENCH_BASELINE_PAGE", "1");
    const html = renderToStaticMarkup(await BenchBaselinePage());
    expect(html).toContain("Témoin</h1>");
    expect(html).toMatch(/<p>1(<!-- -->)? familles<\/p>/);
  });
});
