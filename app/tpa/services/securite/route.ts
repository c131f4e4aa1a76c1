import { env } from "@/lib/env";
import { handleSimulatorSoap } from "@/lib/payments/payfip/simulator";

// The PayFiP simulator's SOAP endpoint, at the same path as the real service.
// It exists only while no real PAYFIP_ENDPOINT is configured.
export async function POST(request: Request) {
  if (!env().payfip.simulator) return new Response("Not found", { status: 404 });
  const { status, body } = handleSimulatorSoap(await request.text());
  return new Response(body, { status, headers: { "Content-Type": "text/xml; charset=utf-8" } });
}
