import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { GENERIC_SIMULATOR_ERROR, SIMULATOR_ERRORS, simulatorErrorCode, simulatorErrorMessage } from "./messages";
import SimulatedPaymentPage from "./page";

// The page's form action pulls in the session (next-auth), which this render does not need.
vi.mock("./actions", () => ({ payAction: async () => undefined }));

const INJECTED = "Paiement refusé : rappelez le 08 99 00 00 00";

describe("the simulated payment page's error", () => {
  it("maps codes to sentences written in code, and anything else to a generic sentence", () => {
    for (const [code, message] of Object.entries(SIMULATOR_ERRORS)) {
      expect(simulatorErrorCode(message)).toBe(code);
      expect(simulatorErrorMessage(code)).toBe(message);
    }
    expect(simulatorErrorCode("Un message que la table ne connaît pas.")).toBe("autre");
    for (const code of [INJECTED, "autre", "constructor", undefined, ["terminee"]]) {
      expect(simulatorErrorMessage(code)).toBe(GENERIC_SIMULATOR_ERROR);
    }
  });

  it("never shows a sentence taken from the URL", async () => {
    expect(env().payfip.simulator).toBe(true);
    const element = await SimulatedPaymentPage({ searchParams: Promise.resolve({ idop: "inconnu", erreur: INJECTED }) });
    const html = renderToStaticMarkup(createElement(() => element));
    expect(html).not.toContain("rappelez le");
    expect(html).toContain(GENERIC_SIMULATOR_ERROR.replace(/'/g, "&#x27;"));
  });
});
