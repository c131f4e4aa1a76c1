import "server-only";
import { z } from "zod";

/**
 * The environment, validated once. Development needs no `.env`: every value
 * has a local default. In production the settings that cannot be guessed
 * safely must be given, and a missing one stops the server at start with a
 * message naming it (see instrumentation.ts).
 *
 * The local stand-ins (PayFiP simulator, mail outbox, local disk) are the
 * defaults in development and tests. In production each one runs only when
 * its real service is not configured AND its demo switch is set
 * (DEMO_PAYFIP_SIMULATOR=1, DEMO_MAIL_OUTBOX=1, DEMO_LOCAL_STORAGE=1); every
 * page then says so (components/demo-banner.tsx).
 */
const DEV_AUTH_SECRET = "dev-only-secret-not-for-production-000000000000";

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

/** A demo switch: "1" on, "0" or unset off; anything else is a typo worth stopping for. */
const demoSwitch = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .pipe(z.enum(["", "0", "1"], { error: "1 pour activer, 0 ou vide sinon" }))
  .transform((v) => v === "1");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional,
  AUTH_SECRET: optional,
  APP_URL: optional,
  RESEND_API_KEY: optional,
  MAIL_FROM: optional,
  UPLOADTHING_TOKEN: optional,
  CRON_SECRET: optional,
  PAYFIP_NUMCLI: optional,
  PAYFIP_SAISIE: z.enum(["T", "X", "W"]).default("T"),
  PAYFIP_ENDPOINT: optional,
  PAYFIP_PAYMENT_URL: optional,
  DEMO_PAYFIP_SIMULATOR: demoSwitch,
  DEMO_MAIL_OUTBOX: demoSwitch,
  DEMO_LOCAL_STORAGE: demoSwitch,
  DATA_DIR: z.string().default(".data"),
  UPLOAD_MAX_MB: z.coerce.number().positive().max(50).default(10),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  LOGIN_THROTTLE_MINUTES: z.coerce.number().int().positive().default(15),
  HOLD_MINUTES: z.coerce.number().int().positive().max(24 * 60).default(15),
  CLIENT_IP_SOURCE: optional.pipe(
    z
      .string()
      .regex(/^(socket|vercel|proxy:([1-9]|10))$/, { error: "socket, vercel ou proxy:N (N de 1 à 10)" })
      .optional(),
  ),
  /** Set by Vercel on its own builds and functions. */
  VERCEL: optional,
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  isProduction: boolean;
  databaseUrl: string;
  authSecret: string;
  appUrl: string;
  resendApiKey?: string;
  mailFrom: string;
  uploadthingToken?: string;
  cronSecret?: string;
  payfip: {
    numcli: string;
    saisie: "T" | "X" | "W";
    endpoint: string;
    paymentPageUrl: string;
    /** The embedded simulator answers at the default endpoint. */
    simulator: boolean;
  };
  /**
   * The stand-ins in use instead of the real services (in development and
   * tests by default; in production only by their DEMO_* switch).
   */
  demo: { payfipSimulator: boolean; mailOutbox: boolean; localStorage: boolean };
  /** Production running at least one stand-in: every page must say so. */
  demoMode: boolean;
  dataDir: string;
  uploadMaxBytes: number;
  login: { maxPerAccount: number; maxPerAddress: number; windowMinutes: number };
  /** How long ticked days stay held while the family pays. */
  holdMinutes: number;
  /** Where the client's address comes from (CLIENT_IP_SOURCE). */
  clientIpSource: ClientIpSource;
};

export class EnvError extends Error {}

/**
 * Where the client's address comes from, for the per-address limits. Only the
 * deployment knows which hop it can trust: see lib/auth/client-address.ts.
 */
export type ClientIpSource = { kind: "socket" } | { kind: "vercel" } | { kind: "proxy"; hops: number };

function clientIpSource(value: string | undefined, onVercel: boolean): ClientIpSource {
  if (!value) return onVercel ? { kind: "vercel" } : { kind: "socket" };
  if (value === "socket" && onVercel) {
    // Vercel's functions see Vercel's own proxy, never the visitor: every
    // visitor would share one address and one limit.
    throw new EnvError("CLIENT_IP_SOURCE=socket ne convient pas sur Vercel : indiquez vercel (ou laissez vide).");
  }
  if (value === "socket" || value === "vercel") return { kind: value };
  return { kind: "proxy", hops: Number(value.slice("proxy:".length)) };
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join(".")} (${i.message})`);
    throw new EnvError(`Configuration invalide : ${names.join(", ")}.`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === "production";
  if (isProduction) {
    const missing = (["DATABASE_URL", "AUTH_SECRET", "APP_URL"] as const).filter((k) => !e[k]);
    if (missing.length) {
      throw new EnvError(
        `Configuration de production incomplète : ${missing.join(", ")} ${missing.length > 1 ? "manquent" : "manque"}. ` +
          "Voir .env.example.",
      );
    }
    if (e.AUTH_SECRET === DEV_AUTH_SECRET || (e.AUTH_SECRET?.length ?? 0) < 32) {
      throw new EnvError("AUTH_SECRET doit compter au moins 32 caractères aléatoires (openssl rand -base64 32).");
    }
    if (e.RESEND_API_KEY && !e.MAIL_FROM) {
      throw new EnvError("MAIL_FROM manque : l'adresse d'expédition est requise avec RESEND_API_KEY.");
    }
    const standIns = checkProductionStandIns(e);
    if (standIns.length) {
      throw new EnvError(`Configuration de production incomplète. ${standIns.join(" ")} Voir .env.example.`);
    }
  }
  const ipSource = clientIpSource(e.CLIENT_IP_SOURCE, !!e.VERCEL && e.VERCEL !== "0");
  const appUrl = (e.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  const simulator = !e.PAYFIP_ENDPOINT;
  const demo = { payfipSimulator: simulator, mailOutbox: !e.RESEND_API_KEY, localStorage: !e.UPLOADTHING_TOKEN };
  if (simulator && e.PAYFIP_SAISIE === "W") {
    throw new EnvError(
      "PAYFIP_SAISIE=W (production) exige PAYFIP_ENDPOINT : le simulateur PayFiP ne peut pas encaisser de vrais paiements.",
    );
  }
  if (!simulator && !e.PAYFIP_NUMCLI) {
    throw new EnvError("PAYFIP_NUMCLI manque : le numéro client de la régie est requis avec PAYFIP_ENDPOINT.");
  }
  if (e.PAYFIP_NUMCLI && !/^\d{6}$/.test(e.PAYFIP_NUMCLI)) {
    throw new EnvError("PAYFIP_NUMCLI doit compter 6 chiffres (numéro client fourni par la DGFiP).");
  }
  try {
    new URL(appUrl);
  } catch {
    throw new EnvError("APP_URL doit être une adresse complète, par exemple https://famille.ma-commune.fr.");
  }
  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    databaseUrl: e.DATABASE_URL ?? "pglite:./.data/pglite",
    authSecret: e.AUTH_SECRET ?? DEV_AUTH_SECRET,
    appUrl,
    resendApiKey: e.RESEND_API_KEY,
    mailFrom: e.MAIL_FROM ?? "Portail Famille <no-reply@localhost>",
    uploadthingToken: e.UPLOADTHING_TOKEN,
    cronSecret: e.CRON_SECRET,
    payfip: {
      numcli: e.PAYFIP_NUMCLI ?? "123456",
      saisie: e.PAYFIP_SAISIE,
      endpoint: e.PAYFIP_ENDPOINT ?? `${appUrl}/tpa/services/securite`,
      paymentPageUrl:
        e.PAYFIP_PAYMENT_URL ?? (simulator ? `${appUrl}/tpa/paiementws.web` : "https://www.payfip.gouv.fr/tpa/paiementws.web"),
      simulator,
    },
    demo,
    demoMode: isProduction && (demo.payfipSimulator || demo.mailOutbox || demo.localStorage),
    dataDir: e.DATA_DIR,
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    login: {
      maxPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowMinutes: e.LOGIN_THROTTLE_MINUTES,
    },
    holdMinutes: e.HOLD_MINUTES,
    clientIpSource: ipSource,
  };
}

type ParsedSource = z.infer<typeof EnvSchema>;

/** Each stand-in, what replaces it in production, and the switch that allows it in a demonstration. */
const STAND_INS = [
  {
    configured: (e: ParsedSource) => !!e.PAYFIP_ENDPOINT,
    switchOn: (e: ParsedSource) => e.DEMO_PAYFIP_SIMULATOR,
    missing: "PayFiP n'est pas configuré : PAYFIP_ENDPOINT et PAYFIP_NUMCLI sont requis",
    real: "PAYFIP_ENDPOINT",
    name: "DEMO_PAYFIP_SIMULATOR",
    effect: "simulateur PayFiP, aucun paiement réel",
  },
  {
    configured: (e: ParsedSource) => !!e.RESEND_API_KEY,
    switchOn: (e: ParsedSource) => e.DEMO_MAIL_OUTBOX,
    missing: "L'envoi des e-mails n'est pas configuré : RESEND_API_KEY et MAIL_FROM sont requis",
    real: "RESEND_API_KEY",
    name: "DEMO_MAIL_OUTBOX",
    effect: "e-mails déposés sur le disque, jamais envoyés",
  },
  {
    configured: (e: ParsedSource) => !!e.UPLOADTHING_TOKEN,
    switchOn: (e: ParsedSource) => e.DEMO_LOCAL_STORAGE,
    missing: "Le stockage des fichiers n'est pas configuré : UPLOADTHING_TOKEN est requis",
    real: "UPLOADTHING_TOKEN",
    name: "DEMO_LOCAL_STORAGE",
    effect: "fichiers stockés sur le disque local",
  },
] as const;

/**
 * In production a stand-in runs only by its explicit demo switch, and a
 * switch set next to the real service's settings is a contradiction worth
 * stopping for. Returns one French sentence per problem, naming the variables.
 */
function checkProductionStandIns(e: ParsedSource): string[] {
  return STAND_INS.flatMap((s) => {
    if (!s.configured(e) && !s.switchOn(e)) {
      return [`${s.missing} (ou ${s.name}=1 pour une démonstration : ${s.effect}).`];
    }
    if (s.configured(e) && s.switchOn(e)) {
      return [`${s.name}=1 et ${s.real} s'excluent : retirez l'un ou l'autre.`];
    }
    return [];
  });
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change the environment between cases. */
export function resetEnvForTests() {
  cached = undefined;
}
