import { describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { createPayfipClient } from "@/lib/payments/payfip/client";
import { GET, POST } from "./route";

const viaRoute = createPayfipClient({
  endpoint: "http://localhost/tpa/services/securite",
  transport: async (endpoint, body) => {
    const response = await POST(new Request(endpoint, { method: "POST", body }));
    return { status: response.status, text: await response.text() };
  },
});

describe("PayFiP simulator endpoint", () => {
  it("speaks SOAP over HTTP to the real client", async () => {
    expect(await viaRoute.recupererDetailClient("123456")).toMatchObject({ numcli: "123456" });
  });

  it("is closed once a real PayFiP endpoint is configured, and W with the simulator stops start", async () => {
    process.env.PAYFIP_ENDPOINT = "https://www.payfip.gouv.fr/tpa/services/securite";
    process.env.PAYFIP_NUMCLI = "654321";
    resetEnvForTests();
    const response = await POST(new Request("http://localhost/tpa/services/securite", { method: "POST", body: "<x/>" }));
    expect(response.status).toBe(404);
    expect((await GET()).status).toBe(404);
    delete process.env.PAYFIP_ENDPOINT;
    delete process.env.PAYFIP_NUMCLI;
    const { parseEnv } = await import("@/lib/env");
    expect(() => parseEnv({ PAYFIP_SAISIE: "W" })).toThrow(/simulateur PayFiP ne peut pas encaisser/);
    resetEnvForTests();
  });
});
