import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { createPayfipClient, PayfipError, type SoapTransport } from "./client";
import { formatMontant, isValidRefdet, makeRefdet, normaliseObjet, type CreatePaymentInput } from "./protocol";
import {
  ageSimulatedOperation,
  getSimulatedOperation,
  handleSimulatorSoap,
  isOwnOrigin,
  settleSimulatedPayment,
  SimulatorError,
} from "./simulator";
import { faultEnvelope, functionalFault, parseEnvelope, requestEnvelope, responseEnvelope } from "./soap";

// The real client, talking to the simulator through its SOAP handler.
const simulatorTransport: SoapTransport = async (_endpoint, body) => {
  const { status, body: text } = handleSimulatorSoap(body);
  return { status, text };
};
const client = createPayfipClient({ endpoint: "http://simulateur/tpa/services/securite", transport: simulatorTransport });

let n = 0;
const payment = (overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput => ({
  numcli: "123456",
  exer: "2026",
  refdet: makeRefdet(9000 + ++n, 1),
  objet: normaliseObjet("Facture n° 9577 — Cantine, Émile"),
  montant: formatMontant(800),
  mel: "parent@exemple.fr",
  urlnotif: `${env().appUrl}/api/payfip/notification`,
  urlredirect: `${env().appUrl}/paiement/retour`,
  saisie: "T",
  ...overrides,
});

describe("field rules", () => {
  it("builds refdet from the invoice number and the attempt, then a random part", () => {
    const refdet = makeRefdet(9577, 2);
    expect(refdet).toMatch(/^F0009577T002[A-Z2-7]{12}$/);
    expect(isValidRefdet(refdet)).toBe(true);
    // Unguessable: the same invoice and attempt never give the same reference twice.
    const many = new Set(Array.from({ length: 200 }, () => makeRefdet(9577, 2)));
    expect(many.size).toBe(200);
  });

  it("stays within PayFiP's 30 characters for large invoice numbers and attempts", () => {
    for (const [number, attempt] of [
      [1, 1],
      [12_345_678_901, 1234],
      [Number.MAX_SAFE_INTEGER, 999],
    ]) {
      const refdet = makeRefdet(number, attempt);
      expect(isValidRefdet(refdet), refdet).toBe(true);
      expect(refdet.startsWith(`F${String(number).padStart(7, "0")}T`)).toBe(true);
      expect(refdet.length - `F${String(number).padStart(7, "0")}T${String(attempt).padStart(3, "0")}`.length).toBeGreaterThanOrEqual(8);
    }
    expect(() => makeRefdet(-1, 1)).toThrow(RangeError);
    expect(() => makeRefdet(1.5, 1)).toThrow(RangeError);
    expect(() => makeRefdet(1, 0)).toThrow(RangeError);
  });

  it("folds accents and drops punctuation in objet, at most 100 characters", () => {
    expect(normaliseObjet("Facture n° 9577 — Cantine, Émile & Zoé !")).toBe("Facture n 9577 Cantine Emile Zoe");
    expect(normaliseObjet("é".repeat(300))).toHaveLength(100);
  });

  it("writes amounts as integer cents within PayFiP's bounds", () => {
    expect(formatMontant(800)).toBe("800");
    expect(() => formatMontant(99)).toThrow(RangeError);
    expect(() => formatMontant(10_000_001)).toThrow(RangeError);
    expect(() => formatMontant(8.5)).toThrow(RangeError);
  });
});

describe("envelopes", () => {
  it("wraps parameters in arg0 and reads them back, escaping XML", () => {
    const xml = requestEnvelope("creerPaiementSecurise", { objet: "A <b> & c", mel: "a@b.fr" });
    expect(xml).toContain("<arg0><objet>A &lt;b&gt; &amp; c</objet>");
    expect(parseEnvelope(xml)).toEqual({ kind: "result", operation: "creerPaiementSecurise", fields: { objet: "A <b> & c", mel: "a@b.fr" } });
  });

  it("reads the result in return and functional faults with their code", () => {
    expect(parseEnvelope(responseEnvelope("creerPaiementSecurise", { idOp: "x-1" }))).toMatchObject({ fields: { idOp: "x-1" } });
    const fault = parseEnvelope(functionalFault("P5", "Résultat de la transaction non connu"));
    expect(fault).toMatchObject({ kind: "fault", detail: { code: "P5", libelle: "Résultat de la transaction non connu" } });
    expect(parseEnvelope(faultEnvelope("fr.gouv.finances.cp.tpa.webservice.exceptions.TechIndisponibiliteErreur"))).toMatchObject({
      kind: "fault",
      detail: undefined,
    });
  });
});

describe("client against the simulator", () => {
  it("creates a payment, answers P5 until the payer acts, then the detail", async () => {
    const input = payment();
    const { idOp } = await client.creerPaiementSecurise(input);
    expect(idOp).toMatch(/^[0-9a-f-]{36}$/);
    await expect(client.recupererDetailPaiementSecurise(idOp)).rejects.toMatchObject({ kind: "functional", code: "P5" });
    settleSimulatedPayment(idOp, "P");
    const detail = await client.recupererDetailPaiementSecurise(idOp);
    expect(detail).toMatchObject({ idOp, resultrans: "P", montant: "800", refdet: input.refdet, numcli: "123456" });
    expect(detail.dattrans).toMatch(/^\d{8}$/);
    expect(detail.heurtrans).toMatch(/^\d{4}$/);
    expect(detail.numauto).toMatch(/^\d{6}$/);
  });

  it("answers P1 for an unknown idOp and for one that never reached payment after 20 minutes", async () => {
    await expect(client.recupererDetailPaiementSecurise("00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({
      code: "P1",
    });
    const { idOp } = await client.creerPaiementSecurise(payment());
    ageSimulatedOperation(idOp, 21 * 60_000);
    await expect(client.recupererDetailPaiementSecurise(idOp)).rejects.toMatchObject({ code: "P1" });
  });

  it("refuses payment after the 15-minute idOp validity, and lets an abandoned payment be retried", async () => {
    const { idOp } = await client.creerPaiementSecurise(payment());
    settleSimulatedPayment(idOp, "A");
    settleSimulatedPayment(idOp, "P");
    expect(() => settleSimulatedPayment(idOp, "R")).toThrow(/déjà terminée/);
    const late = await client.creerPaiementSecurise(payment());
    ageSimulatedOperation(late.idOp, 16 * 60_000);
    expect(() => settleSimulatedPayment(late.idOp, "P")).toThrow(/expiré/);
  });

  it("gets R3 for a reused refdet and A2 for a bad email from the service itself", async () => {
    const input = payment();
    await client.creerPaiementSecurise(input);
    await expect(client.creerPaiementSecurise(input)).rejects.toMatchObject({ kind: "functional", code: "R3" });
    // Bypass the client's own checks to see the service's answer.
    const raw = handleSimulatorSoap(requestEnvelope("creerPaiementSecurise", { ...payment(), mel: "x@" }));
    expect(parseEnvelope(raw.body)).toMatchObject({ kind: "fault", detail: { code: "A2" } });
  });

  it("checks fields before calling, and the simulator refuses production mode", async () => {
    await expect(client.creerPaiementSecurise(payment({ refdet: "abc" }))).rejects.toMatchObject({ kind: "invalid" });
    await expect(client.creerPaiementSecurise(payment({ saisie: "W" }))).rejects.toMatchObject({ code: "S1" });
  });

  it("reports transport failures and technical faults apart", async () => {
    const down = createPayfipClient({
      endpoint: "http://x",
      transport: async () => {
        throw new Error("ECONNREFUSED");
      },
    });
    await expect(down.recupererDetailClient("123456")).rejects.toMatchObject({ kind: "transport" });
    const busy = createPayfipClient({
      endpoint: "http://x",
      transport: async () => ({
        status: 500,
        text: faultEnvelope("fr.gouv.finances.cp.tpa.webservice.exceptions.TechIndisponibiliteErreur"),
      }),
    });
    const error = await busy.recupererDetailClient("123456").catch((e: PayfipError) => e);
    expect(error).toBeInstanceOf(PayfipError);
    expect((error as PayfipError).kind).toBe("technical");
  });

  it("refuses a urlnotif or urlredirect outside the app's own origin (no SSRF, no open redirect)", async () => {
    const own = new URL(env().appUrl).origin;
    for (const bad of [
      "http://169.254.169.254/latest/meta-data/",
      "https://evil.example/notify",
      `${own}.evil.example/x`,
      `${own.replace("://", "://user:pw@")}/x`,
      "javascript:alert(1)",
      "/relative/path",
      "",
    ]) {
      await expect(client.creerPaiementSecurise(payment({ urlnotif: bad })), bad).rejects.toMatchObject({ kind: "functional", code: "U1" });
      await expect(client.creerPaiementSecurise(payment({ urlredirect: bad })), bad).rejects.toMatchObject({ kind: "functional", code: "U1" });
    }
    // The origin is compared whole: another port is another origin.
    expect(isOwnOrigin("http://localhost:3001/x", "http://localhost:3000")).toBe(false);
    expect(isOwnOrigin("http://localhost:3000/api/payfip/notification?x=1", "http://localhost:3000")).toBe(true);
  });

  it("checks the addresses again when the payer acts, whatever got stored", async () => {
    const { idOp } = await client.creerPaiementSecurise(payment());
    // An operation stored some other way (or before APP_URL changed).
    getSimulatedOperation(idOp)!.input.urlnotif = "http://169.254.169.254/latest/meta-data/";
    expect(() => settleSimulatedPayment(idOp, "P")).toThrow(SimulatorError);
    expect(getSimulatedOperation(idOp)!.result).toBeUndefined();

    const other = await client.creerPaiementSecurise(payment());
    expect(() => settleSimulatedPayment(other.idOp, "P", new Date(), "https://famille.autre-commune.fr")).toThrow(/extérieure/);
    expect(getSimulatedOperation(other.idOp)!.result).toBeUndefined();
    const target = settleSimulatedPayment(other.idOp, "P");
    expect(new URL(target.urlnotif).origin).toBe(new URL(env().appUrl).origin);
    expect(new URL(target.urlredirect).origin).toBe(new URL(env().appUrl).origin);
  });

  it("answers the configuration check", async () => {
    expect(await client.recupererDetailClient("123456")).toMatchObject({ libelleN2: "REGIE DE TEST" });
  });
});
