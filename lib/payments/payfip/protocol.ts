// The PayFiP (DGFiP) SOAP protocol: namespaces, field rules and result codes
// shared by the client and the local simulator.

import { randomBytes } from "node:crypto";
import { MIN_ONLINE_CENTS } from "@/lib/money";

export const SERVICE_NS =
  "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService";
export const REQUEST_NS = "http://securite.service.tpa.cp.finances.gouv.fr/requete";
export const RESPONSE_NS = "http://securite.service.tpa.cp.finances.gouv.fr/reponse";
export const FUNCTIONAL_FAULT = "fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur";
export const PRODUCTION_ENDPOINT = "https://www.payfip.gouv.fr/tpa/services/securite";
export const PRODUCTION_PAYMENT_PAGE = "https://www.payfip.gouv.fr/tpa/paiementws.web";

export type Saisie = "T" | "X" | "W";

export type CreatePaymentInput = {
  numcli: string;
  exer: string;
  refdet: string;
  objet: string;
  montant: string;
  mel: string;
  urlnotif: string;
  urlredirect: string;
  saisie: Saisie;
};

/** `resultrans`: P paid by card, V paid by SEPA debit, R card refused, Z debit refused, A abandoned. */
export type ResultCode = "P" | "V" | "R" | "Z" | "A";

export type PaymentDetail = {
  dattrans: string;
  heurtrans: string;
  exer: string;
  idOp: string;
  mel: string;
  montant: string;
  numauto: string;
  numcli: string;
  objet: string;
  refdet: string;
  resultrans: string;
  saisie: string;
};

export const MIN_AMOUNT_CENTS = MIN_ONLINE_CENTS;
export const MAX_AMOUNT_CENTS = 10_000_000;

const REFDET_MAX = 30;
/** Random characters a refdet ends with: 12 base32 characters, 60 bits. */
const REFDET_RANDOM = 12;
/** Fewer random bits than this (a prefix too long) and the reference could be guessed. */
const REFDET_RANDOM_MIN = 8;
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function randomBase32(length: number): string {
  // 32 divides 256: a byte modulo 32 is uniform.
  return Array.from(randomBytes(length), (b) => BASE32[b % 32]).join("");
}

/**
 * 6–30 characters [A-Z0-9], unique per payment attempt and unguessable:
 * readable invoice number and attempt (`F0009577T002`), then 12 random base32
 * characters. The random part matters because anyone who can guess a future
 * refdet could register it first and block that payment (R3 "déjà utilisée").
 */
export function makeRefdet(invoiceNumber: number, attempt: number): string {
  if (!Number.isSafeInteger(invoiceNumber) || invoiceNumber < 0 || !Number.isSafeInteger(attempt) || attempt < 1) {
    throw new RangeError(`refdet needs a whole invoice number and attempt, got ${invoiceNumber} / ${attempt}`);
  }
  const prefix = `F${String(invoiceNumber).padStart(7, "0")}T${String(attempt).padStart(3, "0")}`;
  const room = Math.min(REFDET_RANDOM, REFDET_MAX - prefix.length);
  if (room < REFDET_RANDOM_MIN) throw new RangeError(`refdet prefix too long: ${prefix}`);
  return prefix + randomBase32(room);
}

export const isValidRefdet = (v: string) => /^[A-Z0-9]{6,30}$/.test(v);

/** ASCII letters, digits and spaces only, at most 100 characters: accents folded, punctuation dropped. */
export function normaliseObjet(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100)
    .trim();
}

export const isValidObjet = (v: string) => /^[A-Za-z0-9 ]{0,100}$/.test(v);

/** Integer cents as a string ("800" = 8,00 €), within PayFiP's bounds. */
export function formatMontant(cents: number): string {
  if (!Number.isInteger(cents) || cents < MIN_AMOUNT_CENTS || cents > MAX_AMOUNT_CENTS) {
    throw new RangeError(`PayFiP accepts 1 € to 100 000 €, got ${cents} cents`);
  }
  return String(cents);
}

export const isValidMel = (v: string) => v.length >= 6 && v.length <= 80 && v.includes("@");
export const isValidNumcli = (v: string) => /^\d{6}$/.test(v);
export const isValidExer = (v: string) => /^\d{4}$/.test(v);

export const isPaid = (code: string) => code === "P" || code === "V";
export const isRefused = (code: string) => code === "R" || code === "Z";
