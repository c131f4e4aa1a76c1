import { XMLParser } from "fast-xml-parser";
import { FUNCTIONAL_FAULT, RESPONSE_NS, SERVICE_NS } from "./protocol";

const escapeXml = (v: string) =>
  v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

const fieldsXml = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`)
    .join("");

/** A request envelope: the operation's parameters wrapped in <arg0>. */
export function requestEnvelope(operation: string, fields: Record<string, string>): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:pai="${SERVICE_NS}">` +
    `<soapenv:Header/><soapenv:Body><pai:${operation}><arg0>${fieldsXml(fields)}</arg0></pai:${operation}>` +
    `</soapenv:Body></soapenv:Envelope>`
  );
}

/** A response envelope: the result in <return>. */
export function responseEnvelope(operation: string, fields: Record<string, string>): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>` +
    `<ns2:${operation}Response xmlns:ns2="${SERVICE_NS}" xmlns:ns3="${RESPONSE_NS}"><return>${fieldsXml(fields)}</return>` +
    `</ns2:${operation}Response></soap:Body></soap:Envelope>`
  );
}

export type FaultDetail = { code: string; libelle: string; descriptif: string; severite: string };

export function faultEnvelope(faultstring: string, detail?: FaultDetail): string {
  const detailXml = detail
    ? `<detail><ns2:FonctionnelleErreur xmlns:ns2="${RESPONSE_NS}">${fieldsXml(detail)}</ns2:FonctionnelleErreur></detail>`
    : "";
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>` +
    `<faultcode>soap:Server</faultcode><faultstring>${escapeXml(faultstring)}</faultstring>${detailXml}` +
    `</soap:Fault></soap:Body></soap:Envelope>`
  );
}

export const functionalFault = (code: string, libelle: string, descriptif = libelle) =>
  faultEnvelope(FUNCTIONAL_FAULT, { code, libelle, descriptif, severite: "2" });

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
});

export type ParsedEnvelope =
  | { kind: "result"; operation: string; fields: Record<string, string> }
  | { kind: "fault"; faultstring: string; detail?: FaultDetail };

const asStrings = (node: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) out[k] = v === undefined || v === null ? "" : String(v);
  }
  return out;
};

/** Reads a request (arg0) or a response (return) or a fault out of an envelope. */
export function parseEnvelope(xml: string): ParsedEnvelope {
  const doc = parser.parse(xml) as { Envelope?: { Body?: Record<string, unknown> } };
  const body = doc.Envelope?.Body;
  if (!body || typeof body !== "object") throw new Error("Not a SOAP envelope");
  if ("Fault" in body) {
    const fault = body.Fault as { faultstring?: unknown; detail?: { FonctionnelleErreur?: unknown } };
    const raw = fault.detail?.FonctionnelleErreur;
    return {
      kind: "fault",
      faultstring: String(fault.faultstring ?? ""),
      detail: raw ? (asStrings(raw) as FaultDetail) : undefined,
    };
  }
  const [operation, content] = Object.entries(body)[0] ?? [];
  if (!operation) throw new Error("Empty SOAP body");
  const node = content as { arg0?: unknown; return?: unknown } | string;
  const inner = typeof node === "object" && node ? (node.arg0 ?? node.return) : undefined;
  return { kind: "result", operation: operation.replace(/Response$/, ""), fields: asStrings(inner) };
}
