import {
  type CreatePaymentInput,
  FUNCTIONAL_FAULT,
  isValidExer,
  isValidMel,
  isValidNumcli,
  isValidObjet,
  isValidRefdet,
  MAX_AMOUNT_CENTS,
  MIN_AMOUNT_CENTS,
  type PaymentDetail,
} from "./protocol";
import { type FaultDetail, parseEnvelope, requestEnvelope } from "./soap";

export type PayfipErrorKind = "functional" | "technical" | "transport" | "invalid";

/**
 * A PayFiP failure. `functional` faults carry DGFiP's code (P1 unknown idOp,
 * P5 result not known yet, R3 bad refdet, A2 bad email, …).
 */
export class PayfipError extends Error {
  constructor(
    readonly kind: PayfipErrorKind,
    readonly code: string | null,
    message: string,
    readonly detail?: FaultDetail,
  ) {
    super(message);
    this.name = "PayfipError";
  }
}

export type SoapTransport = (endpoint: string, body: string) => Promise<{ status: number; text: string }>;

export const fetchTransport =
  (timeoutMs = 15_000): SoapTransport =>
  async (endpoint, body) => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: '""' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, text: await response.text() };
  };

export type PayfipClient = ReturnType<typeof createPayfipClient>;

/** The client for PayFiP's SOAP service (or the local simulator, which speaks the same protocol). */
export function createPayfipClient({ endpoint, transport = fetchTransport() }: { endpoint: string; transport?: SoapTransport }) {
  async function call(operation: string, fields: Record<string, string>): Promise<Record<string, string>> {
    let reply: { status: number; text: string };
    try {
      reply = await transport(endpoint, requestEnvelope(operation, fields));
    } catch (error) {
      throw new PayfipError("transport", null, `PayFiP injoignable : ${(error as Error).message}`);
    }
    let parsed;
    try {
      parsed = parseEnvelope(reply.text);
    } catch {
      throw new PayfipError("transport", null, `Réponse PayFiP illisible (HTTP ${reply.status}).`);
    }
    if (parsed.kind === "fault") {
      const functional = parsed.faultstring.includes(FUNCTIONAL_FAULT.split(".").at(-1)!);
      throw new PayfipError(
        functional ? "functional" : "technical",
        parsed.detail?.code ?? null,
        parsed.detail ? `${parsed.detail.code} ${parsed.detail.libelle}` : parsed.faultstring,
        parsed.detail,
      );
    }
    return parsed.fields;
  }

  return {
    /** Registers a payment and returns the idOp the payer's browser is sent with. */
    async creerPaiementSecurise(input: CreatePaymentInput): Promise<{ idOp: string }> {
      const problems = [
        !isValidNumcli(input.numcli) && "numcli",
        !isValidExer(input.exer) && "exer",
        !isValidRefdet(input.refdet) && "refdet",
        !isValidObjet(input.objet) && "objet",
        !/^\d+$/.test(input.montant) || Number(input.montant) < MIN_AMOUNT_CENTS || Number(input.montant) > MAX_AMOUNT_CENTS
          ? "montant"
          : false,
        !isValidMel(input.mel) && "mel",
        !["T", "X", "W"].includes(input.saisie) && "saisie",
      ].filter(Boolean);
      if (problems.length) throw new PayfipError("invalid", null, `Champs PayFiP invalides : ${problems.join(", ")}`);
      const { idOp } = await call("creerPaiementSecurise", { ...input });
      if (!idOp) throw new PayfipError("transport", null, "PayFiP n'a pas renvoyé d'idOp.");
      return { idOp };
    },

    async recupererDetailPaiementSecurise(idOp: string): Promise<PaymentDetail> {
      return (await call("recupererDetailPaiementSecurise", { idOp })) as PaymentDetail;
    },

    /** A configuration check: the régie's details for its numcli. */
    async recupererDetailClient(numCli: string): Promise<Record<string, string>> {
      return call("recupererDetailClient", { numCli });
    },
  };
}
