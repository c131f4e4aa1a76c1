import { env } from "@/lib/env";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { createPayfipClient, fetchTransport } from "@/lib/payments/payfip/client";
import { formatMontant, makeRefdet, normaliseObjet } from "@/lib/payments/payfip/protocol";
import { handleSimulatorSoap, settleSimulatedPayment } from "@/lib/payments/payfip/simulator";

// PayFiP round trips, for `npm run bench -- payfip`. No database: the real
// client over HTTP on loopback against the simulator (create, pay, fetch the
// detail), as the portal does for every payment. The invoice PDF figures
// live in bench-pdf.ts.

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

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

export async function benchPayfip() {
  const rt = await benchRoundTrip();
  console.log(
    `PayFiP round trip (create + pay + detail, HTTP on loopback to the simulator): ${rt.rounds} in a row, ` +
      `${rt.perSecond.toFixed(1)}/s, p50 ${rt.p50Ms.toFixed(1)} ms, p95 ${rt.p95Ms.toFixed(1)} ms`,
  );
  return rt;
}
