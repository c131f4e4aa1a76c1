import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Flags, type Result } from "lighthouse";

// Lighthouse's mobile audit (its default config: a mid-range phone, simulated
// 4G and 4× CPU slowdown) of pages of an already running server. Who starts
// the server, and how the session cookie of a signed-in page is obtained, is
// the caller's business (lib/cli/bench-pages.ts, or by hand):
//
//   tsx --import ./lib/cli/allow-server-only.mjs lib/cli/bench-lighthouse.ts http://localhost:3000
//
// audits /connexion and the bare /bench page (a 404 unless the server runs
// with BENCH_BASELINE_PAGE=1). Scores move by a few points between runs of
// the same page, so each page runs several times, in round-robin so a noisy
// moment of a shared machine is spread over every page rather than one.

export type LighthousePage = {
  name: string;
  path: string;
  /** Sent as the Cookie header of every request of the audit, e.g. `authjs.session-token=…`. */
  cookie?: string;
};

export type LighthouseRun = {
  /** 0–100. */
  performance: number;
  accessibility: number | null;
  lcpMs: number;
  fcpMs: number;
  cls: number;
  tbtMs: number;
  /**
   * When the page really painted its largest element, unthrottled. The simulated LCP counts every request and
   * script that finished before it: a paint held back past hydration (a busy machine starves the compositor)
   * pulls all the JavaScript into LCP. Compare it with the simulated figure before blaming the page.
   */
  observedLcpMs: number;
  /** What Lighthouse took for the largest paint, to tell a heading from an image. */
  lcpElement: string | null;
  finalUrl: string;
};

export type LighthousePageResult = {
  name: string;
  path: string;
  performance: { median: number; min: number; max: number };
  accessibility: number | null;
  lcpMs: number;
  fcpMs: number;
  clsMax: number;
  tbtMs: number;
  runs: LighthouseRun[];
};

export type BenchLighthouseOptions = {
  baseUrl: string;
  pages: LighthousePage[];
  /** Audits per page (default 3). */
  runs?: number;
  /** The accessibility category too (about a second per audit; default true). */
  accessibility?: boolean;
  /** Writes each run's full report as JSON there, to read its opportunities and diagnostics. */
  reportDir?: string;
  /** Default: CHROME_PATH, else /usr/bin/chromium when present, else whatever chrome-launcher finds. */
  chromePath?: string;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function defaultChromePath(): string | undefined {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
}

function numeric(lhr: Result, id: string): number {
  const value = lhr.audits[id]?.numericValue;
  if (typeof value !== "number") throw new Error(`Lighthouse gave no ${id} for ${lhr.finalDisplayedUrl}.`);
  return value;
}

function lcpElement(lhr: Result): string | null {
  // Lighthouse 12 reports the element in a list whose first table holds the node.
  const details = lhr.audits["largest-contentful-paint-element"]?.details as
    | { items?: { items?: { node?: { snippet?: string; nodeLabel?: string } }[] }[] }
    | undefined;
  const node = details?.items?.[0]?.items?.[0]?.node;
  return node ? `${node.nodeLabel ?? ""} ${node.snippet ?? ""}`.trim() : null;
}

function observedLcp(lhr: Result): number {
  const details = lhr.audits.metrics?.details as { items?: { observedLargestContentfulPaint?: number }[] } | undefined;
  return details?.items?.[0]?.observedLargestContentfulPaint ?? Number.NaN;
}

function toRun(lhr: Result): LighthouseRun {
  const score = (id: string) => {
    const s = lhr.categories[id]?.score;
    return typeof s === "number" ? Math.round(s * 100) : null;
  };
  const performance = score("performance");
  if (performance === null) throw new Error(`Lighthouse gave no performance score for ${lhr.finalDisplayedUrl}.`);
  return {
    performance,
    accessibility: score("accessibility"),
    lcpMs: numeric(lhr, "largest-contentful-paint"),
    fcpMs: numeric(lhr, "first-contentful-paint"),
    cls: numeric(lhr, "cumulative-layout-shift"),
    tbtMs: numeric(lhr, "total-blocking-time"),
    observedLcpMs: observedLcp(lhr),
    lcpElement: lcpElement(lhr),
    finalUrl: lhr.finalDisplayedUrl,
  };
}

function summarise(page: LighthousePage, runs: LighthouseRun[]): LighthousePageResult {
  const perf = runs.map((r) => r.performance);
  const a11y = runs.map((r) => r.accessibility).filter((a): a is number => a !== null);
  return {
    name: page.name,
    path: page.path,
    performance: { median: median(perf), min: Math.min(...perf), max: Math.max(...perf) },
    accessibility: a11y.length ? median(a11y) : null,
    lcpMs: median(runs.map((r) => r.lcpMs)),
    fcpMs: median(runs.map((r) => r.fcpMs)),
    clsMax: Math.max(...runs.map((r) => r.cls)),
    tbtMs: median(runs.map((r) => r.tbtMs)),
    runs,
  };
}

/** The summary as a markdown table, one row per page. */
export function lighthouseTable(results: LighthousePageResult[]): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows = results.map((r) =>
    [
      `${r.name} (${r.path})`,
      `${r.performance.median} (${r.performance.min}–${r.performance.max})`,
      s(r.lcpMs),
      s(r.fcpMs),
      r.clsMax.toFixed(3),
      `${Math.round(r.tbtMs)} ms`,
      r.accessibility === null ? "—" : String(r.accessibility),
    ].join(" | "),
  );
  return [
    `| Page | Performance median (min–max) | LCP median | FCP median | CLS max | TBT median | Accessibility |`,
    `| --- | --- | --- | --- | --- | --- | --- |`,
    ...rows.map((row) => `| ${row} |`),
  ].join("\n");
}

/** Audits each page `runs` times with Lighthouse's mobile defaults, prints the table and returns the figures. */
export async function benchLighthouse(options: BenchLighthouseOptions): Promise<LighthousePageResult[]> {
  const { baseUrl, pages, runs = 3, accessibility = true, reportDir } = options;
  if (!pages.length) throw new Error("benchLighthouse: no page to audit.");
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`benchLighthouse: runs must be a positive integer (got ${runs}).`);
  if (reportDir) fs.mkdirSync(reportDir, { recursive: true });
  const chrome = await chromeLauncher.launch({
    chromePath: options.chromePath ?? defaultChromePath(),
    // --no-sandbox: containers and root shells have no user namespace for Chromium's sandbox.
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    logLevel: "error",
  });
  const collected = new Map<LighthousePage, LighthouseRun[]>(pages.map((p) => [p, []]));
  let version = "";
  try {
    for (let run = 1; run <= runs; run++) {
      for (const page of pages) {
        const url = new URL(page.path, baseUrl).href;
        const flags: Flags = {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: accessibility ? ["performance", "accessibility"] : ["performance"],
          // Applies to every request of the page (document, scripts, RSC), as the browser's own cookie would.
          extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
        };
        const result = await lighthouse(url, flags);
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
        const { lhr } = result;
        version = lhr.lighthouseVersion;
        if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        if (reportDir) {
          const file = path.join(reportDir, `${page.name.replace(/[^\w-]+/g, "_")}-${run}.json`);
          fs.writeFileSync(file, typeof result.report === "string" ? result.report : JSON.stringify(lhr));
        }
        const measured = toRun(lhr);
        // A signed-in page audited without a valid cookie is the sign-in page: say so rather than report its figures.
        if (new URL(measured.finalUrl).pathname !== new URL(url).pathname) {
          throw new Error(`${page.name}: ${url} ended at ${measured.finalUrl} (redirected: missing or expired session cookie?).`);
        }
        collected.get(page)!.push(measured);
        console.error(
          `  ${page.name} #${run}: ${measured.performance} (LCP ${Math.round(measured.lcpMs)} ms, painted at ${Math.round(measured.observedLcpMs)} ms unthrottled, CLS ${measured.cls.toFixed(3)}, TBT ${Math.round(measured.tbtMs)} ms)`,
        );
      }
    }
  } finally {
    chrome.kill();
  }
  const results = pages.map((page) => summarise(page, collected.get(page)!));
  console.log(`Lighthouse ${version} mobile (simulated throttling), ${runs} ${runs === 1 ? "run" : "runs"} per page, ${baseUrl}\n`);
  console.log(lighthouseTable(results));
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const baseUrl = process.argv[2];
  if (!baseUrl) {
    console.error("Usage: tsx --import ./lib/cli/allow-server-only.mjs lib/cli/bench-lighthouse.ts <baseUrl> [runs]");
    process.exit(2);
  }
  benchLighthouse({
    baseUrl,
    runs: process.argv[3] ? Number(process.argv[3]) : undefined,
    reportDir: process.env.LIGHTHOUSE_REPORT_DIR,
    pages: [
      { name: "connexion", path: "/connexion" },
      { name: "bare page", path: "/bench" },
    ],
  }).then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
