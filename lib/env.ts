import { z } from "zod";

/**
 * The environment, validated once. Development needs no `.env`: every value
 * has a local default. In production the settings that cannot be guessed
 * safely must be given, and a missing one stops the server at start with a
 * message naming it (see instrumentation.ts).
 */
const DEV_AUTH_SECRET = "dev-only-secret-not-for-production-000000000000";

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

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
  DATA_DIR: z.string().default(".data"),
  UPLOAD_MAX_MB: z.coerce.number().positive().max(50).default(10),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  LOGIN_THROTTLE_MINUTES: z.coerce.number().int().positive().default(15),
  HOLD_MINUTES: z.coerce.number().int().positive().max(24 * 60).default(15),
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
  dataDir: string;
  uploadMaxBytes: number;
  login: { maxPerAccount: number; maxPerAddress: number; windowMinutes: number };
  /** How long ticked days stay held while the family pays. */
  holdMinutes: number;
};

export class EnvError extends Error {}

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
  }
  const appUrl = (e.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  const simulator = !e.PAYFIP_ENDPOINT;
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
    dataDir: e.DATA_DIR,
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    login: {
      maxPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowMinutes: e.LOGIN_THROTTLE_MINUTES,
    },
    holdMinutes: e.HOLD_MINUTES,
  };
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
