import { env } from "@/lib/env";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { renderInvoicePdf } from "@/lib/billing/pdf/render";
import { SAMPLE_INVOICE } from "@/lib/billing/pdf/sample";
import { createPayfipClient, fetchTransport } from "@/lib/payments/payfip/client";
import { formatMontant, makeRefdet, normaliseObjet } from "@/lib/payments/payfip/protocol";
import { handleSimulatorSoap, settleSimulatedPayment } from "@/lib/payments/payfip/simulator";

// Invoice PDFs and PayFiP round trips, for `npm run bench`. No database:
// the PDF figures measure react-pdf and the QR code; the round trip runs the
// real client over HTTP on loopback against the simulator (create, pay,
// fetch the detail), as the portal does for every payment.

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

async function benchPdf() {
  const single: number[] = [];
  await renderInvoicePdf(SAMPLE_INVOICE); // warm fonts and modules
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await renderInvoicePdf({ ...SAMPLE_INVOICE, invoice: { ...SAMPLE_INVOICE.invoice, number: 10_000 + i } });
    single.push(performance.now() - t);
  }
  const batch = Number(process.env.BENCH_PDF_BATCH ?? 500);
  const start = performance.now();
  let bytes = 0;
  for (let i = 0; i < batch; i++) {
    bytes += (await renderInvoicePdf({ ...SAMPLE_INVOICE, invoice: { ...SAMPLE_INVOICE.invoice, number: 20_000 + i } })).length;
  }
  const seconds = (performance.now() - start) / 1000;
  return { medianMs: median(single), p95Ms: percentile(single, 95), batch, batchSeconds: seconds, perSecond: batch / seconds, avgKb: bytes / batch / 1024 };
}

async function benchRoundTrip() {
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const { status, body: xml } = handleSimulatorSoap(body);
      res.writeHead(status, { "Content-Type": "text/xml; charset=utf-8" }).end(xml);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  const client = createPayfipClient({ endpoint: `http://127.0.0.1:${port}/tpa/services/securite`, transport: fetchTransport(5_000) });
  const rounds = Number(process.env.BENCH_PAYMENTS ?? 300);
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const { idOp } = await client.creerPaiementSecurise({
      numcli: "123456",
      exer: "2026",
      refdet: makeRefdet(500_000 + i, 1),
      objet: normaliseObjet(`Facture ${500_000 + i} bench`),
      montant: formatMontant(800),
      mel: "bench@exemple.fr",
      urlnotif: `${env().appUrl}/api/payfip/notification`,
      urlredirect: `${env().appUrl}/paiement/retour`,
      saisie: "T",
    });
    settleSimulatedPayment(idOp, "P");
    const detail = await client.recupererDetailPaiementSecurise(idOp);
    if (detail.resultrans !== "P") throw new Error("round trip lost its result");
    times.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  server.close();
  return { rounds, perSecond: rounds / seconds, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}

export async function benchBilling() {
  const pdf = await benchPdf();
  console.log(
    `Invoice PDF: median ${pdf.medianMs.toFixed(1)} ms, p95 ${pdf.p95Ms.toFixed(1)} ms per PDF; ` +
      `batch of ${pdf.batch} in ${pdf.batchSeconds.toFixed(1)} s (${pdf.perSecond.toFixed(1)} PDF/s, ${pdf.avgKb.toFixed(0)} KB each)`,
  );
  const rt = await benchRoundTrip();
  console.log(
    `PayFiP round trip (create + pay + detail, HTTP on loopback to the simulator): ${rt.rounds} in a row, ` +
      `${rt.perSecond.toFixed(1)}/s, p50 ${rt.p50Ms.toFixed(1)} ms, p95 ${rt.p95Ms.toFixed(1)} ms`,
  );
  return { pdf, roundTrip: rt };
}
