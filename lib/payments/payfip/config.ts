import "server-only";
import { env } from "@/lib/env";
import { createPayfipClient, fetchTransport, type PayfipClient } from "./client";

/** The client for the configured PayFiP: the real service, or the app's own simulator. */
export function payfipClient(): PayfipClient {
  return createPayfipClient({ endpoint: env().payfip.endpoint, transport: fetchTransport() });
}
