import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as labels from "./labels";

// lib/format is the one place dates, amounts and enum values become French
// text. This walks app/, lib/ and components/ for the ways a second copy has
// crept in before: a label map of its own, a hand-written <option> list, the
// régime list spelt out, a date or currency formatter of its own. A file that
// may keep one says why below.

const root = path.resolve(import.meta.dirname, "../..");

const ALLOWED: Record<string, string> = {
  "lib/documents/format.ts": "STATUS_BADGE maps a review status to badge colours, not to words",
  "app/(famille)/factures/invoice-table.tsx": "STATE_TONES maps an invoice status to badge colours, not to words",
  "app/admin/demandes/[id]/page.tsx": "ACCEPT_EFFECT says what accepting each kind of request does, a sentence written once",
  "app/dev/boite-mail/format.ts": "the developers' outbox shows seconds, which no page for people needs",
  "lib/payments/payfip/simulator.ts": "writes PayFiP's own ddMMyyyy/HHmm protocol fields, not text for people",
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return ["lib/generated", "lib/format"].includes(relative) ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const files = ["app", "lib", "components"].flatMap(sourceFiles).filter((file) => !(file in ALLOWED));

/** Source without its comments, which may quote a label as an example. */
const code = (file: string) =>
  fs
    .readFileSync(path.join(root, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

function offenders(pattern: RegExp) {
  return files.flatMap((file) => [...code(file).matchAll(pattern)].map((m) => `${file}: ${m[0]}`));
}

// Every enum whose values have words in labels.ts.
const LABELLED_ENUMS = [
  "Civility",
  "Quality",
  "Regime",
  "Role",
  "UserStatus",
  "ReviewStatus",
  "RequestAction",
  "BookingStatus",
  "InvoiceStatus",
  "PaymentMethod",
  "PaymentStatus",
  "LedgerKind",
  "InaccessibleReason",
  "CampaignRule",
  "CampaignOutcome",
  "WaitlistStatus",
  "PickupKind",
  "ConsentKind",
  "BatchStatus",
];

const labelledValues = new Set(
  Object.entries(labels)
    .filter(([name]) => name.endsWith("_LABELS"))
    .flatMap(([, map]) => Object.keys(map as Record<string, string>)),
);

describe("labels and formats live in lib/format", () => {
  it("has no other map from an enum to words", () => {
    const map = new RegExp(`Record<(?:${LABELLED_ENUMS.join("|")})\\b[^>]*,\\s*string>`, "g");
    expect(offenders(map)).toEqual([]);
  });

  it("lists a <select>'s enum values with labelOptions(), not by hand", () => {
    const option = /<option value="([A-Z_]+)">|\{ value: "([A-Z_]+)", label: "/g;
    const handWritten = files.flatMap((file) =>
      [...code(file).matchAll(option)].filter((m) => labelledValues.has(m[1] ?? m[2])).map((m) => `${file}: ${m[0]}`),
    );
    expect(handWritten).toEqual([]);
  });

  it("spells the régimes once", () => {
    expect(offenders(/Régime général|Autre régime|"RG"\s*[,|]\s*"MSA"|"MSA"\s*[,|]\s*"AUTRE"/g)).toEqual([]);
  });

  it("has no other date or currency formatter", () => {
    expect(offenders(/toLocale(?:Date|Time)String\(|Intl\.DateTimeFormat\(|style:\s*"currency"|from "date-fns"/g)).toEqual([]);
  });
});
