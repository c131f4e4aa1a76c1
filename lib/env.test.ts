import { describe, expect, it } from "vitest";
import { demoBannerText } from "@/components/demo-banner";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("needs nothing in development", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.databaseUrl).toBe("pglite:./.data/pglite");
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.uploadMaxBytes).toBe(10 * 1024 * 1024);
  });

  it("stops production start naming every missing setting", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/DATABASE_URL, AUTH_SECRET, APP_URL manquent/);
    expect(() =>
      parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://x/y", APP_URL: "https://a.fr" }),
    ).toThrow(/AUTH_SECRET manque/);
  });

  it("refuses a short production secret and Resend without a sender", () => {
    const base = { NODE_ENV: "production", DATABASE_URL: "postgresql://x/y", APP_URL: "https://a.fr/" };
    expect(() => parseEnv({ ...base, AUTH_SECRET: "court" })).toThrow(/32 caractères/);
    const secret = "x".repeat(40);
    expect(() => parseEnv({ ...base, AUTH_SECRET: secret, RESEND_API_KEY: "re_123" })).toThrow(/MAIL_FROM/);
    expect(parseEnv({ ...base, ...allDemo, AUTH_SECRET: secret }).appUrl).toBe("https://a.fr");
  });
});

const allDemo = { DEMO_PAYFIP_SIMULATOR: "1", DEMO_MAIL_OUTBOX: "1", DEMO_LOCAL_STORAGE: "1" };

describe("stand-ins in production", () => {
  const base = {
    NODE_ENV: "production",
    DATABASE_URL: "postgresql://x/y",
    APP_URL: "https://famille.exemple.fr",
    AUTH_SECRET: "s".repeat(40),
  };
  const real = {
    PAYFIP_ENDPOINT: "https://www.payfip.gouv.fr/tpa/services/securite",
    PAYFIP_NUMCLI: "654321",
    PAYFIP_SAISIE: "W",
    RESEND_API_KEY: "re_123",
    MAIL_FROM: "Portail Famille <famille@exemple.fr>",
    UPLOADTHING_TOKEN: "ut_token",
  };

  it("runs in development and tests with every stand-in and no variable, without the demo banner", () => {
    for (const NODE_ENV of ["development", "test"]) {
      const env = parseEnv({ NODE_ENV });
      expect(env.demo).toEqual({ payfipSimulator: true, mailOutbox: true, localStorage: true });
      expect(env.payfip.simulator).toBe(true);
      expect(env.demoMode).toBe(false);
    }
  });

  it("accepts the real services, with no stand-in and no banner", () => {
    const env = parseEnv({ ...base, ...real });
    expect(env.demo).toEqual({ payfipSimulator: false, mailOutbox: false, localStorage: false });
    expect(env.payfip.simulator).toBe(false);
    expect(env.demoMode).toBe(false);
  });

  it("refuses to start with everything missing, naming every variable and its demo switch", () => {
    const message = (() => {
      try {
        parseEnv(base);
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError);
        return (error as Error).message;
      }
      throw new Error("parseEnv accepted a production without PayFiP, mail or storage");
    })();
    for (const name of [
      "PAYFIP_ENDPOINT",
      "PAYFIP_NUMCLI",
      "DEMO_PAYFIP_SIMULATOR=1",
      "RESEND_API_KEY",
      "MAIL_FROM",
      "DEMO_MAIL_OUTBOX=1",
      "UPLOADTHING_TOKEN",
      "DEMO_LOCAL_STORAGE=1",
    ]) {
      expect(message).toContain(name);
    }
  });

  const cases = [
    { name: "the PayFiP simulator", missing: ["PAYFIP_ENDPOINT", "PAYFIP_NUMCLI", "PAYFIP_SAISIE"], flag: "DEMO_PAYFIP_SIMULATOR", key: "payfipSimulator" },
    { name: "the mail outbox", missing: ["RESEND_API_KEY", "MAIL_FROM"], flag: "DEMO_MAIL_OUTBOX", key: "mailOutbox" },
    { name: "local storage", missing: ["UPLOADTHING_TOKEN"], flag: "DEMO_LOCAL_STORAGE", key: "localStorage" },
  ] as const;

  for (const c of cases) {
    it(`refuses ${c.name} without ${c.flag}=1, accepts it with the switch and shows the banner`, () => {
      const without: Record<string, string> = { ...base, ...real };
      for (const name of c.missing) delete without[name];
      expect(() => parseEnv(without)).toThrow(EnvError);
      expect(() => parseEnv(without)).toThrow(new RegExp(`${c.missing[0]}.*${c.flag}=1`));
      expect(() => parseEnv({ ...without, [c.flag]: "0" })).toThrow(new RegExp(c.flag));

      const env = parseEnv({ ...without, [c.flag]: "1" });
      expect(env.demo).toEqual({
        payfipSimulator: c.key === "payfipSimulator",
        mailOutbox: c.key === "mailOutbox",
        localStorage: c.key === "localStorage",
      });
      expect(env.demoMode).toBe(true);
    });

    it(`refuses ${c.flag}=1 next to the real settings`, () => {
      expect(() => parseEnv({ ...base, ...real, [c.flag]: "1" })).toThrow(new RegExp(`${c.flag}=1 et ${c.missing[0]} s'excluent`));
    });
  }

  it("keeps refusing PAYFIP_SAISIE=W with the simulator, even by the demo switch", () => {
    expect(() => parseEnv({ ...base, ...allDemo, PAYFIP_SAISIE: "W" })).toThrow(/PAYFIP_SAISIE=W/);
    expect(() => parseEnv({ NODE_ENV: "development", PAYFIP_SAISIE: "W" })).toThrow(/PAYFIP_SAISIE=W/);
  });

  it("refuses a demo switch that is neither 1 nor 0", () => {
    expect(() => parseEnv({ ...base, ...allDemo, DEMO_MAIL_OUTBOX: "true" })).toThrow(/DEMO_MAIL_OUTBOX/);
  });

  it("names only the active stand-ins in the banner, and shows none outside production", () => {
    expect(demoBannerText(parseEnv({ ...base, ...allDemo }))).toBe(
      "paiements simulés (aucun paiement réel), e-mails non envoyés, fichiers stockés localement.",
    );
    expect(demoBannerText(parseEnv({ ...base, ...real, UPLOADTHING_TOKEN: "", DEMO_LOCAL_STORAGE: "1" }))).toBe(
      "fichiers stockés localement.",
    );
    expect(demoBannerText(parseEnv({ ...base, ...real }))).toBeNull();
    expect(demoBannerText(parseEnv({ NODE_ENV: "development" }))).toBeNull();
  });

  it("leaves development alone whatever the switches say", () => {
    expect(parseEnv({ NODE_ENV: "development", RESEND_API_KEY: "re_1", DEMO_MAIL_OUTBOX: "1" }).demo.mailOutbox).toBe(false);
  });
});

describe("CLIENT_IP_SOURCE", () => {
  it("defaults to the socket, and to Vercel's headers on Vercel", () => {
    expect(parseEnv({}).clientIpSource).toEqual({ kind: "socket" });
    expect(parseEnv({ VERCEL: "1" }).clientIpSource).toEqual({ kind: "vercel" });
    expect(parseEnv({ CLIENT_IP_SOURCE: "proxy:2" }).clientIpSource).toEqual({ kind: "proxy", hops: 2 });
    expect(parseEnv({ CLIENT_IP_SOURCE: "vercel" }).clientIpSource).toEqual({ kind: "vercel" });
  });

  it("refuses anything else, naming the variable", () => {
    for (const value of ["proxy", "proxy:0", "proxy:11", "first", "x-forwarded-for"]) {
      expect(() => parseEnv({ CLIENT_IP_SOURCE: value })).toThrow(/CLIENT_IP_SOURCE.*socket, vercel ou proxy:N/);
    }
    expect(() => parseEnv({ CLIENT_IP_SOURCE: "socket", VERCEL: "1" })).toThrow(/CLIENT_IP_SOURCE=socket ne convient pas sur Vercel/);
  });
});
