import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { INTER_WEIGHTS, interTtf, type InterWeight } from "@/lib/billing/pdf/fonts";
import { euros } from "@/lib/billing/pdf/parts";
import { qrPath } from "@/lib/billing/pdf/qr";
import { renderInvoicePdf } from "@/lib/billing/pdf/render";
import { sampleInvoiceWithLines } from "@/lib/billing/pdf/sample";
import type { InvoicePdfData } from "@/lib/billing/pdf/types";
import {
  authorityIdentityLines,
  dueLine,
  groupedIdentifier,
  IDENTIFIER_LABEL,
  paidStamp,
  payeeLine,
  PAYMENT_MEANS,
  payOnlineLine,
  QR_LINE,
  slipTitle,
  THANKS,
} from "@/lib/billing/pdf/wording";
import { formatDate } from "@/lib/format";

// Invoice PDF against bare pdfkit (the engine react-pdf drives), for
// `npm run bench:pdf` or `benchPdf()` from `npm run bench`. Both draw the same
// invoice (header, lines per child, total, payment slip with its QR code) with
// the same TTF Inter files. The two run in alternating rounds, so a noisy
// moment on a shared machine lands on both sides of a round's ratio; the
// spread of those per-round ratios says how far to trust the median.

const ROUNDS = Math.max(5, Number(process.env.BENCH_PDF_ROUNDS ?? 7));
const PER_ROUND = Number(process.env.BENCH_PDF_PER_ROUND ?? 10);
const BATCH = Number(process.env.BENCH_PDF_BATCH ?? 500);
const LINES = Number(process.env.BENCH_PDF_LINES ?? 16);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return 0;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** `global.gc` without asking every caller to start node with --expose-gc. */
function collector(): () => void {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  return () => {
    gc();
    gc();
  };
}

// Parsed once and handed to every document, as react-pdf's font store does:
// the baseline then pays, like the app, only for shaping and subsetting.
const fonts = Object.fromEntries(INTER_WEIGHTS.map((w) => [w, fontkit.create(readFileSync(interTtf(w)))])) as Record<InterWeight, fontkit.Font>;

/** The invoice drawn by hand with pdfkit: same text, boxes, colours and QR code as InvoiceDocument. */
export async function renderInvoiceWithPdfkit(data: InvoicePdfData): Promise<Buffer> {
  const qr = qrPath(data.invoice.payUrl);
  const { authority, invoice, household } = data;
  const doc = new PDFDocument({ size: "A4", margin: 36, autoFirstPage: false, compress: true, info: { Title: `Facture ${invoice.number}`, Author: authority.name } });
  // pdfkit takes a parsed fontkit font where its types only name paths and buffers.
  for (const w of INTER_WEIGHTS) doc.registerFont(`Inter-${w}`, fonts[w] as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = 36;
  const width = 595.28 - 72;
  const bottom = 841.89 - 36;
  const ink = "#0f172a";
  const setFont = (weight: InterWeight, size: number, color = ink) => doc.font(`Inter-${weight}`).fontSize(size).fillColor(color);
  doc.addPage();
  let y = 36;

  // Header: the authority on the left, the addressee box on the right.
  const authW = width * 0.55;
  setFont(700, 16, "#173c93").text(authority.name, left, y, { width: authW });
  setFont(400, 9.5);
  for (const line of [authority.address1, authority.address2, `${authority.postalCode} ${authority.city}`, ...authorityIdentityLines(authority)]) {
    if (line) doc.text(line, left, doc.y, { width: authW });
  }
  const authBottom = doc.y;
  const boxW = width * 0.4;
  const boxX = left + width - boxW;
  setFont(700, 9.5).text(data.responsible, boxX + 10, y + 10, { width: boxW - 20 });
  setFont(400, 9.5);
  for (const line of [`Famille ${household.name} (n° ${household.reference})`, household.address1, household.address2, `${household.postalCode} ${household.city}`]) {
    if (line) doc.text(line, boxX + 10, doc.y, { width: boxW - 20 });
  }
  doc.roundedRect(boxX, y, boxW, doc.y + 10 - y, 4).lineWidth(1).strokeColor("#cbd5e1").stroke();
  y = Math.max(authBottom, doc.y + 10) + 24;

  // Title and meta.
  setFont(700, 16, "#173c93").text(`Facture N° ${invoice.number}`, left, y);
  setFont(400, 9.5).text(`Date : ${formatDate(invoice.issuedAt)}`, left, doc.y + 4);
  if (invoice.qf !== null || invoice.regime) doc.text(`QF famille : ${invoice.qf ?? "non communiqué"} — Régime : ${invoice.regime ?? "non communiqué"}`);
  y = doc.y + 16;

  // Lines, grouped per child.
  const cols = [
    { w: width * 0.58, align: "left" as const },
    { w: width * 0.1, align: "right" as const },
    { w: width * 0.16, align: "right" as const },
    { w: width * 0.16, align: "right" as const },
  ];
  const row = (cells: string[], weight: InterWeight, pad: number, fill?: string) => {
    setFont(weight, 9.5);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i].w - 8 }))) + 2 * pad;
    if (y + h > bottom) {
      doc.addPage();
      y = 36;
    }
    if (fill) doc.rect(left, y, width, h).fill(fill);
    let x = left;
    setFont(weight, 9.5);
    cells.forEach((c, i) => {
      doc.text(c, x + 4, y + pad, { width: cols[i].w - 8, align: cols[i].align });
      x += cols[i].w;
    });
    y += h;
    return h;
  };
  doc.moveTo(left, y).lineTo(left + width, y).lineWidth(1).strokeColor("#94a3b8").stroke();
  row(["Libellé", "Qté", "Prix", "Total"], 600, 4, "#e2e8f0");
  for (const group of data.groups) {
    setFont(700, 9.5, "#173c93").text(group.title, left + 4, y + 6, { width: cols[0].w });
    y = doc.y + 2;
    for (const line of group.lines) {
      row([line.label, String(line.quantity), euros(line.unitPriceCents), euros(line.totalCents)], 400, 3);
      doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.5).strokeColor("#e2e8f0").stroke();
    }
  }
  setFont(700, 12).text(`TOTAL : ${euros(invoice.totalCents)}`, left, y + 8, { width, align: "right" });
  y = doc.y;

  if (invoice.paid) {
    setFont(700, 14, "#136b3a").text(paidStamp(invoice), left + 6, y + 22);
  } else if (invoice.cancelled) {
    setFont(700, 14, "#b3261e").text("ANNULÉE", left + 6, y + 22);
  } else {
    // The payment slip, kept whole on one page.
    const slipH = 12 + 122;
    y += 16;
    if (y + slipH > bottom) {
      doc.addPage();
      y = 36;
    }
    doc.moveTo(left, y).lineTo(left + width, y).dash(3, { space: 3 }).lineWidth(1).strokeColor("#64748b").stroke().undash();
    const textW = width * 0.72 - 12;
    const slipOpts = { width: textW, lineGap: 9.5 * 0.4 };
    setFont(700, 9.5).text(slipTitle(invoice), left, y + 12, slipOpts);
    const due = dueLine(invoice);
    if (due) doc.text(due, slipOpts);
    setFont(400, 9.5).text(`${PAYMENT_MEANS} ${payeeLine(authority)}`, slipOpts);
    doc.text(payOnlineLine(invoice), slipOpts);
    doc.text(IDENTIFIER_LABEL, { ...slipOpts, continued: true });
    setFont(700, 9.5).text(groupedIdentifier(invoice), slipOpts);
    setFont(400, 9.5).text(QR_LINE, slipOpts);
    doc.text(THANKS, slipOpts);
    doc.save().translate(left + width - 88, y + 12).scale(88 / qr.size).path(qr.d).fill("#000000").restore();
  }
  doc.end();
  return done;
}

async function timeEach(n: number, render: (i: number) => Promise<Buffer>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await render(i);
    times.push(performance.now() - t);
  }
  return times;
}

/** Same content, a fresh invoice number each time, as a batch would have. */
const invoiceNumbered = (base: InvoicePdfData, number: number): InvoicePdfData => ({
  ...base,
  invoice: { ...base.invoice, number, paymentIdentifier: `K7Q2M9XW${String(number).padStart(8, "0")}`, payUrl: `${base.invoice.payUrl}${number}` },
});

export async function benchPdf(): Promise<void> {
  const gc = collector();
  const data = sampleInvoiceWithLines(LINES);
  const app = (i: number) => renderInvoicePdf(invoiceNumbered(data, 10_000 + i));
  const bare = (i: number) => renderInvoiceWithPdfkit(invoiceNumbered(data, 10_000 + i));
  // Warm both: module loading, font parsing and the JIT are not the figure.
  await timeEach(3, app);
  await timeEach(3, bare);

  const appAll: number[] = [];
  const bareAll: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which side goes first, so neither always follows a GC-heavy turn.
    const order = round % 2 ? [bare, app] : [app, bare];
    const [first, second] = [await timeEach(PER_ROUND, order[0]), await timeEach(PER_ROUND, order[1])];
    const [a, b] = round % 2 ? [second, first] : [first, second];
    appAll.push(...a);
    bareAll.push(...b);
    ratios.push(median(a) / median(b));
  }
  const single = median(appAll);
  // The batch's time includes every collection; so does the mean of the single renders, not their median.
  const singleMean = appAll.reduce((sum, ms) => sum + ms, 0) / appAll.length;
  const f1 = (n: number) => n.toFixed(1);
  const f2 = (n: number) => n.toFixed(2);
  const sizes = [(await app(0)).length, (await bare(0)).length];
  console.log(
    `Invoice PDF, ${LINES} lines (${ROUNDS} alternating rounds of ${PER_ROUND} each): ` +
      `app median ${f1(single)} ms, bare pdfkit median ${f1(median(bareAll))} ms; ` +
      `ratio ${f2(median(ratios))} (per-round ${f2(Math.min(...ratios))}–${f2(Math.max(...ratios))}; target ≤ 1.3) ` +
      `[${Math.round(sizes[0] / 1024)} KB vs ${Math.round(sizes[1] / 1024)} KB]`,
  );

  // A batch as a mailing or an archive export would run it: one after the
  // other, each PDF dropped once written. The heap after a full GC must not
  // climb with the count.
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const heapAt: number[] = [];
  let gcMs = 0;
  const start = performance.now();
  for (let i = 0; i < BATCH; i++) {
    await app(20_000 + i);
    if ((i + 1) % Math.max(1, Math.floor(BATCH / 5)) === 0) {
      const t = performance.now();
      gc();
      heapAt.push(process.memoryUsage().heapUsed);
      gcMs += performance.now() - t;
    }
  }
  // The forced collections are the measurement's, not the batch's.
  const batchMs = performance.now() - start - gcMs;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(
    `Invoice PDF batch of ${BATCH}: ${(batchMs / 1000).toFixed(1)} s = ${f2(batchMs / (BATCH * singleMean))} × ${BATCH} × one (mean ${f1(singleMean)} ms; target ≤ 1.1); ` +
      `heap after GC ${mb(heapBefore)} MB before, ${heapAt.map(mb).join(" → ")} MB along, ${mb(heapAfter)} MB after ` +
      `(growth ${mb(heapAfter - heapBefore)} MB)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchPdf().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
