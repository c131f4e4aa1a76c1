import { randomBytes } from "node:crypto";
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
// `npm run bench:pdf` or `benchPdf()` from `npm run bench`, then the tax
// certificates' batch against one at a time (benchCertificates, needs the
// loopback PostgreSQL; BENCH_PDF_ONLY=invoices|certificates runs one). Both draw the same
// invoice (header, lines per child, total, payment slip with its QR code) with
// the same TTF Inter files. The two run in alternating rounds, so a noisy
// moment on a shared machine lands on both sides of a round's ratio; the
// spread of those per-round ratios says how far to trust the median.

const ROUNDS = Math.max(5, Number(process.env.BENCH_PDF_ROUNDS ?? 7));
const PER_ROUND = Number(process.env.BENCH_PDF_PER_ROUND ?? 10);
const BATCH = Number(process.env.BENCH_PDF_BATCH ?? 500);
const LINES = Number(process.env.BENCH_PDF_LINES ?? 16);
const CERTIFICATES = Number(process.env.BENCH_CERTIFICATES ?? 2000);
const CERTIFICATE_SAMPLE = Number(process.env.BENCH_CERTIFICATE_SAMPLE ?? 60);

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

/**
 * The yearly tax certificates, for 2,000 families (BENCH_CERTIFICATES): the
 * staff batch (compute, write, queue the emails) followed by each PDF
 * rendered as the family's download draws it, against the same work done
 * for one family at a time (issueTaxCertificate, then its download) — the
 * batch's total over N × the mean single one. The data (three paid invoices
 * a family, an eligible centre and a canteen, some credit notes) is written
 * by SQL on a scratch PostgreSQL database; the app's code does the rest.
 */
export async function benchCertificates(): Promise<void> {
  const { benchDatabase } = await import("./bench-server");
  const database = await benchDatabase(`portail_bench_cert_${process.pid}`);
  // Production mode wants these; the bench only queues emails (never sends) and pays nothing.
  process.env.DATABASE_URL = database.url;
  process.env.APP_URL ??= "http://localhost:3000";
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
  process.env.DEMO_MAIL_OUTBOX ??= "1";
  process.env.DEMO_PAYFIP_SIMULATOR ??= "1";
  process.env.DEMO_LOCAL_STORAGE ??= "1";
  const { openDatabase } = await import("@/lib/db/adapter");
  const { newClient, setDb } = await import("@/lib/db/client");
  const { deployMigrations } = await import("@/lib/db/migrate");
  const { parseDatabaseUrl } = await import("@/lib/db/url");
  const { issueTaxCertificate, runCertificateBatch, startCertificateBatch } = await import("@/lib/certificates/batch");
  const { getTaxCertificatePdfData } = await import("@/lib/certificates/documents");
  const { renderTaxCertificatePdf } = await import("@/lib/billing/pdf/certificate-render");
  const opened = await openDatabase(parseDatabaseUrl(database.url));
  const db = newClient(opened);
  setDb(db, opened);
  const gc = collector();
  try {
    await deployMigrations(opened.factory);
    const n = CERTIFICATES;
    console.log(`Attestations fiscales : ${n} familles (2 enfants, 3 factures payées en 2026, un avoir sur 5)…`);
    await db.$executeRawUnsafe(`
      WITH s AS (INSERT INTO "Service" (id, name) VALUES ('bsvc', 'Accueil de loisirs') RETURNING id)
      INSERT INTO "Product" (id, "serviceId", name, "taxCertificateEligible")
      SELECT 'bcentre', id, 'Journée centre', true FROM s UNION ALL SELECT 'bcantine', id, 'Repas cantine', false FROM s`);
    await db.$executeRawUnsafe(`
      INSERT INTO "Household" (id, name, address1, "postalCode", city, "updatedAt")
      SELECT 'bh' || i, 'FAMILLE ' || i, i || ' rue des Écoles', '34600', 'Avant-Monts', now() FROM generate_series(1, ${n}) i`);
    await db.$executeRawUnsafe(`
      INSERT INTO "Person" (id, "householdId", quality, "firstName", "lastName", "birthDate", "updatedAt")
      SELECT 'bp' || i || '_' || k, 'bh' || i, CASE k WHEN 0 THEN 'RESPONSABLE' ELSE 'ENFANT' END::"Quality",
             (ARRAY['Claire', 'Emma', 'Lucas'])[k + 1], 'FAMILLE ' || i,
             CASE k WHEN 0 THEN date '1990-05-01' WHEN 1 THEN date '2022-03-01' + (i % 300) ELSE date '2016-09-01' END, now()
        FROM generate_series(1, ${n}) i, generate_series(0, 2) k`);
    await db.$executeRawUnsafe(`
      INSERT INTO "User" (id, identifiant, email, "firstName", "lastName", role, status, "personId", "updatedAt")
      SELECT 'bu' || i, lpad(to_hex(i), 8, '0'), 'parent' || i || '@exemple.fr', 'Claire', 'FAMILLE ' || i, 'PARENT'::"Role", 'ACTIVE'::"UserStatus", 'bp' || i || '_0', now()
        FROM generate_series(1, ${n}) i
      UNION ALL SELECT 'bstaff', 'ffffffff', 'agent@mairie.test', 'Agent', 'GUICHET', 'STAFF'::"Role", 'ACTIVE'::"UserStatus", null, now()`);
    // Three invoices a family (February, May, October 2026): 6 centre days for the little one, 8 canteen meals for the elder.
    await db.$executeRawUnsafe(`
      INSERT INTO "Invoice" (id, number, "householdId", status, "totalCents", "paymentIdentifier", "issuedAt", "paidAt")
      SELECT 'bi' || i || '_' || m, i * 3 + m, 'bh' || i, 'PAID'::"InvoiceStatus", 6 * 1500 + 8 * 250, md5('bi' || i || '_' || m),
             make_timestamp(2026, (ARRAY[2, 5, 10])[m + 1], 3, 9, 0, 0), make_timestamp(2026, (ARRAY[2, 5, 10])[m + 1], 3, 9, 5, 0)
        FROM generate_series(1, ${n}) i, generate_series(0, 2) m`);
    await db.$executeRawUnsafe(`
      INSERT INTO "InvoiceLine" (id, "invoiceId", "personId", "productId", label, quantity, "unitPriceCents", "totalCents", "sortOrder")
      SELECT 'bl' || i || '_' || m || '_' || k, 'bi' || i || '_' || m, 'bp' || i || '_' || k, CASE k WHEN 1 THEN 'bcentre' ELSE 'bcantine' END,
             CASE k WHEN 1 THEN 'Journée centre' ELSE 'Repas cantine' END, CASE k WHEN 1 THEN 6 ELSE 8 END,
             CASE k WHEN 1 THEN 1500 ELSE 250 END, CASE k WHEN 1 THEN 9000 ELSE 2000 END, k
        FROM generate_series(1, ${n}) i, generate_series(0, 2) m, generate_series(1, 2) k`);
    await db.$executeRawUnsafe(`
      INSERT INTO "LedgerEntry" (id, "householdId", kind, "amountCents", "invoiceId", label, "createdAt")
      SELECT 'be' || i || '_' || m || '_' || e, 'bh' || i, e::"LedgerKind", CASE e WHEN 'INVOICE' THEN 11000 ELSE -11000 END, 'bi' || i || '_' || m,
             e, make_timestamp(2026, (ARRAY[2, 5, 10])[m + 1], 3, 9, CASE e WHEN 'INVOICE' THEN 0 ELSE 5 END, 0)
        FROM generate_series(1, ${n}) i, generate_series(0, 2) m, unnest(ARRAY['INVOICE', 'PAYMENT']) e`);
    await db.$executeRawUnsafe(`
      INSERT INTO "CreditNote" (id, number, "householdId", "invoiceId", "amountCents", reason, "issuedAt")
      SELECT 'bc' || i, i, 'bh' || i, 'bi' || i || '_1', 1500, 'Annulation', timestamp '2026-05-20 08:00' FROM generate_series(5, ${n}, 5) i`);
    await db.$executeRawUnsafe(`
      INSERT INTO "CreditNoteLine" (id, "creditNoteId", "personId", "productId", day, "amountCents")
      SELECT 'bcl' || i, 'bc' || i, 'bp' || i || '_1', 'bcentre', date '2026-05-12', 1500 FROM generate_series(5, ${n}, 5) i`);
    await db.$executeRawUnsafe(`ANALYZE`);
    const staff = { id: "bstaff", role: "STAFF" as const };
    const now = new Date("2027-01-12T09:00:00Z");
    const download = async (householdId: string) => renderTaxCertificatePdf(await getTaxCertificatePdfData({ householdId, year: 2026 }));
    const one = async (householdId: string) => {
      await issueTaxCertificate({ actor: staff, householdId, year: 2026, now, deliver: false });
      await download(householdId);
    };
    // Warm-up, not counted: the client, the prepared plans, the fonts and the JIT.
    for (let i = 1; i <= 5; i++) await one(`bh${i}`);
    await db.taxCertificate.deleteMany({});
    await db.emailMessage.deleteMany({});
    gc();

    const started = performance.now();
    const batch = await startCertificateBatch({ actor: staff, year: 2026, now });
    const run = await runCertificateBatch(batch.id, { now, deliver: false });
    const writtenMs = performance.now() - started;
    const issued = await db.taxCertificate.findMany({ where: { year: 2026 }, select: { householdId: true }, orderBy: { householdId: "asc" } });
    for (const { householdId } of issued) await download(householdId);
    const batchMs = performance.now() - started;
    const emails = await db.emailMessage.count({ where: { template: "tax-certificate" } });
    if (run.status !== "DONE" || issued.length !== n || emails !== n) throw new Error(`Batch ${run.status}: ${issued.length} certificates, ${emails} emails for ${n} families`);

    // One family at a time, on a sample spread over the families (its certificate removed first, so each is issued and emailed anew).
    const sample = Array.from({ length: CERTIFICATE_SAMPLE }, (_, i) => `bh${1 + Math.floor((i * n) / CERTIFICATE_SAMPLE)}`);
    await db.taxCertificate.deleteMany({ where: { householdId: { in: sample } } });
    const singles: number[] = [];
    for (const householdId of sample) {
      const t = performance.now();
      await one(householdId);
      singles.push(performance.now() - t);
    }
    const singleMean = singles.reduce((a, b) => a + b, 0) / singles.length;
    console.log(
      `Tax certificate batch of ${n}: ${(batchMs / 1000).toFixed(1)} s (compute + write + ${emails} emails queued ${(writtenMs / 1000).toFixed(1)} s, ` +
        `then ${n} PDFs as downloaded ${((batchMs - writtenMs) / 1000).toFixed(1)} s) = ${(batchMs / (n * singleMean)).toFixed(2)} × ${n} × one ` +
        `(one family: issue + download, mean ${singleMean.toFixed(1)} ms, median ${median(singles).toFixed(1)} ms over ${sample.length}; target ≤ 1.1)`,
    );
  } finally {
    setDb(undefined);
    await db.$disconnect();
    await opened.close();
    await database.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const only = process.env.BENCH_PDF_ONLY;
  (only === "certificates" ? benchCertificates() : only === "invoices" ? benchPdf() : benchPdf().then(benchCertificates)).then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
