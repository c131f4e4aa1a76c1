import { env } from "@/lib/env";
import { handleSimulatorSoap } from "@/lib/payments/payfip/simulator";

// The PayFiP simulator's SOAP endpoint, at the same path as the real service.
// It exists only while the simulator is the configured PayFiP (no
// PAYFIP_ENDPOINT; in production, only with DEMO_PAYFIP_SIMULATOR=1).
const notFound = () => new Response("Not found", { status: 404 });

export async function POST(request: Request) {
  if (!env().payfip.simulator) return notFound();
  const { status, body } = handleSimulatorSoap(await request.text());
  return new Response(body, { status, headers: { "Content-Type": "text/xml; charset=utf-8" } });
}

/** No WSDL here; and once the simulator is off, nothing at all. */
export async function GET() {
  if (!env().payfip.simulator) return notFound();
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}
