import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { env } from "@/lib/env";
import {
  type CreatePaymentInput,
  isValidExer,
  isValidMel,
  isValidNumcli,
  isValidObjet,
  isValidRefdet,
  MAX_AMOUNT_CENTS,
  MIN_AMOUNT_CENTS,
  type ResultCode,
} from "./protocol";
import { createPayfipClient } from "./client";
import { faultEnvelope, functionalFault, parseEnvelope, responseEnvelope } from "./soap";

/**
 * A local stand-in for PayFiP, served by the app in development and tests so
 * that every path runs the real client: the same SOAP operations, faults and
 * timings (an idOp is payable 15 minutes; a result can be asked for up to 20).
 * State lives in the server process: it is a development tool, not a store.
 */
export const IDOP_VALIDITY_MS = 15 * 60_000;
export const RESULT_WINDOW_MS = 20 * 60_000;

export type SimulatedOperation = {
  idOp: string;
  input: CreatePaymentInput;
  createdAt: Date;
  result?: { resultrans: ResultCode; at: Date; numauto: string };
};

type Store = Map<string, SimulatedOperation>;
const store: Store = ((globalThis as { __payfipSimulator?: Store }).__payfipSimulator ??= new Map());

export function getSimulatedOperation(idOp: string): SimulatedOperation | undefined {
  return store.get(idOp);
}

/** Past its 15 minutes, an idOp can no longer be paid. */
export function isPayable(op: SimulatedOperation, now = new Date()): boolean {
  return now.getTime() - op.createdAt.getTime() <= IDOP_VALIDITY_MS;
}

/** A day-old operation is of no use to anyone: drop it, so the public endpoint cannot grow the store forever. */
const KEEP_MS = 24 * 60 * 60_000;
function pruneOld(now: Date) {
  for (const [idOp, op] of store) if (now.getTime() - op.createdAt.getTime() > KEEP_MS) store.delete(idOp);
}

const soapResponse = (status: number, body: string) => ({ status, body });

/** The app's own origin: the only place the simulator ever notifies or sends a payer back to. */
export function appOrigin(): string {
  return new URL(env().appUrl).origin;
}

/**
 * Whether `url` is an http(s) address on the app's own origin. The SOAP
 * endpoint is public: without this, anyone could make the server POST to
 * any address (urlnotif) or use the payment page as an open redirect.
 */
export function isOwnOrigin(url: string | undefined, origin = appOrigin()): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.origin === origin && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

export function handleSimulatorSoap(
  xml: string,
  now = new Date(),
  origin = appOrigin(),
): { status: number; body: string } {
  let request;
  try {
    request = parseEnvelope(xml);
  } catch {
    return soapResponse(500, faultEnvelope("fr.gouv.finances.cp.tpa.webservice.exceptions.TechProtocolaireErreur"));
  }
  if (request.kind !== "result") {
    return soapResponse(500, faultEnvelope("fr.gouv.finances.cp.tpa.webservice.exceptions.TechProtocolaireErreur"));
  }
  const f = request.fields;
  switch (request.operation) {
    case "creerPaiementSecurise": {
      if (!isValidNumcli(f.numcli ?? "")) return soapResponse(500, functionalFault("N1", "Numéro de client invalide"));
      if (f.saisie === "W") {
        return soapResponse(500, functionalFault("S1", "Le simulateur refuse la saisie W (production)"));
      }
      if (!["T", "X"].includes(f.saisie ?? "")) return soapResponse(500, functionalFault("S2", "Type de saisie invalide"));
      if (!isValidExer(f.exer ?? "")) return soapResponse(500, functionalFault("E1", "Exercice invalide"));
      if (!isValidRefdet(f.refdet ?? "")) return soapResponse(500, functionalFault("R3", "Référence de la dette invalide"));
      const montant = Number(f.montant);
      if (!/^\d+$/.test(f.montant ?? "") || montant < MIN_AMOUNT_CENTS || montant > MAX_AMOUNT_CENTS) {
        return soapResponse(500, functionalFault("M1", "Montant invalide"));
      }
      if (!isValidMel(f.mel ?? "")) return soapResponse(500, functionalFault("A2", "Adresse électronique invalide"));
      if (!isValidObjet(f.objet ?? "")) return soapResponse(500, functionalFault("O1", "Objet invalide"));
      if (!isOwnOrigin(f.urlnotif, origin) || !isOwnOrigin(f.urlredirect, origin)) {
        return soapResponse(
          500,
          functionalFault(
            "U1",
            "Adresse de notification ou de retour invalide",
            "Le simulateur n'accepte que des adresses du portail lui-même (urlnotif et urlredirect).",
          ),
        );
      }
      pruneOld(now);
      const taken = [...store.values()].some((op) => op.input.numcli === f.numcli && op.input.refdet === f.refdet);
      if (taken) return soapResponse(500, functionalFault("R3", "Référence de la dette déjà utilisée"));
      const idOp = randomUUID();
      store.set(idOp, { idOp, input: f as CreatePaymentInput, createdAt: now });
      return soapResponse(200, responseEnvelope("creerPaiementSecurise", { idOp }));
    }
    case "recupererDetailPaiementSecurise": {
      // PayFiP's parameter is idOp with a capital O; the lowercase spelling is refused.
      const op = f.idOp ? store.get(f.idOp) : undefined;
      if (!op) return soapResponse(500, functionalFault("P1", "IdOp incorrect"));
      const age = now.getTime() - op.createdAt.getTime();
      if (!op.result) {
        return age < RESULT_WINDOW_MS
          ? soapResponse(500, functionalFault("P5", "Résultat de la transaction non connu"))
          : soapResponse(500, functionalFault("P1", "IdOp incorrect"));
      }
      const at = new TZDate(op.result.at, "Europe/Paris");
      return soapResponse(
        200,
        responseEnvelope("recupererDetailPaiementSecurise", {
          dattrans: format(at, "ddMMyyyy"),
          heurtrans: format(at, "HHmm"),
          exer: op.input.exer,
          idOp: op.idOp,
          mel: op.input.mel,
          montant: op.input.montant,
          numauto: op.result.numauto,
          numcli: op.input.numcli,
          objet: op.input.objet,
          refdet: op.input.refdet,
          resultrans: op.result.resultrans,
          saisie: op.input.saisie,
        }),
      );
    }
    case "recupererDetailClient": {
      if (!isValidNumcli(f.numCli ?? "")) return soapResponse(500, functionalFault("N1", "Numéro de client invalide"));
      return soapResponse(
        200,
        responseEnvelope("recupererDetailClient", { numcli: f.numCli, libelleN1: "SIMULATEUR", libelleN2: "REGIE DE TEST" }),
      );
    }
    default:
      return soapResponse(500, faultEnvelope("fr.gouv.finances.cp.tpa.webservice.exceptions.TechProtocolaireErreur"));
  }
}

export class SimulatorError extends Error {}

/**
 * The payer's choice on the simulated payment page. Returns where to notify
 * and where to send the browser, both on the app's own origin. An abandoned
 * payment can be retried while the idOp is valid, as on PayFiP.
 */
export function settleSimulatedPayment(idOp: string, resultrans: ResultCode, now = new Date(), origin = appOrigin()) {
  const op = store.get(idOp);
  if (!op) throw new SimulatorError("Opération de paiement inconnue.");
  // Checked again at use: an operation stored some other way (or before a
  // change of APP_URL) never makes the server post or redirect elsewhere.
  if (!isOwnOrigin(op.input.urlnotif, origin) || !isOwnOrigin(op.input.urlredirect, origin)) {
    throw new SimulatorError("Cette opération de paiement renvoie vers une adresse extérieure au portail : elle est refusée.");
  }
  if (!isPayable(op, now)) {
    throw new SimulatorError("Cette opération de paiement a expiré (15 minutes).");
  }
  if (op.result && op.result.resultrans !== "A") throw new SimulatorError("Cette opération de paiement est déjà terminée.");
  op.result = {
    resultrans,
    at: now,
    numauto: resultrans === "P" || resultrans === "V" ? String(randomInt(100000, 999999)) : "",
  };
  return { urlnotif: op.input.urlnotif, urlredirect: op.input.urlredirect, idOp };
}

/** Tests move the clock: age an operation without sleeping. */
export function ageSimulatedOperation(idOp: string, ms: number) {
  const op = store.get(idOp);
  if (op) op.createdAt = new Date(op.createdAt.getTime() - ms);
}

/** Tests drive the real SOAP client against the simulator in-process, without HTTP. */
export function inProcessSimulatorClient() {
  return createPayfipClient({
    endpoint: "http://simulateur/tpa/services/securite",
    transport: async (_endpoint, body) => {
      const { status, body: text } = handleSimulatorSoap(body);
      return { status, text };
    },
  });
}
