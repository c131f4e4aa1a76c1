import { describe, expect, it } from "vitest";
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
    expect(parseEnv({ ...base, AUTH_SECRET: secret }).appUrl).toBe("https://a.fr");
  });
});
