import { describe, expect, it } from "vitest";
import { authenticate, BAD_CREDENTIALS, THROTTLED } from "@/lib/accounts/authenticate";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createAccount } from "@/lib/factories";

// Each attempt from a new address: only the per-account (or per-login) budget is at stake.
let a = 0;
const address = () => `addr-${++a}`;

describe("sign-in throttling per account", () => {
  it("gives one account one budget, whether it is named by its identifiant or its email", async () => {
    const db = await getDb();
    const user = await createAccount(db, { email: "budget@exemple.fr", password: "Bonjour-2026", firstName: "B", lastName: "B" });
    const max = env().login.maxPerAccount;
    for (let i = 0; i < max; i++) {
      // Half through the identifiant, half through the email (either case).
      const login = i % 2 ? user.identifiant.toUpperCase() : "Budget@Exemple.fr";
      await expect(authenticate({ login, password: `faux-${i}`, address: address() })).rejects.toThrow(BAD_CREDENTIALS);
    }
    // The budget is spent for both logins, even with the right password.
    await expect(authenticate({ login: "budget@exemple.fr", password: "Bonjour-2026", address: address() })).rejects.toThrow(
      THROTTLED,
    );
    await expect(authenticate({ login: user.identifiant, password: "Bonjour-2026", address: address() })).rejects.toThrow(
      THROTTLED,
    );
  });

  it("does not let the identifiant's failures and the email's failures add up to twice the budget", async () => {
    const db = await getDb();
    const user = await createAccount(db, { email: "double@exemple.fr", password: "Bonjour-2026", firstName: "D", lastName: "D" });
    const max = env().login.maxPerAccount;
    for (let i = 0; i < max; i++) {
      await expect(authenticate({ login: user.identifiant, password: "faux", address: address() })).rejects.toThrow(BAD_CREDENTIALS);
    }
    await expect(authenticate({ login: "double@exemple.fr", password: "faux", address: address() })).rejects.toThrow(THROTTLED);
  });

  it("still counts an unknown login per login as typed, and every login per address", async () => {
    const max = env().login.maxPerAccount;
    for (let i = 0; i < max; i++) {
      await expect(authenticate({ login: "Personne@Inconnu.fr", password: "faux", address: address() })).rejects.toThrow(
        BAD_CREDENTIALS,
      );
    }
    await expect(authenticate({ login: "personne@inconnu.fr", password: "faux", address: address() })).rejects.toThrow(THROTTLED);
    // Another unknown login has its own budget.
    await expect(authenticate({ login: "autre@inconnu.fr", password: "faux", address: address() })).rejects.toThrow(BAD_CREDENTIALS);

    for (let i = 0; i < env().login.maxPerAddress; i++) {
      await expect(authenticate({ login: `x${i}@inconnu.fr`, password: "faux", address: "one-address" })).rejects.toThrow(
        BAD_CREDENTIALS,
      );
    }
    await expect(authenticate({ login: "y@inconnu.fr", password: "faux", address: "one-address" })).rejects.toThrow(THROTTLED);
  });

  it("a successful sign-in clears the account's count, whichever login failed before", async () => {
    const db = await getDb();
    const user = await createAccount(db, { email: "clear@exemple.fr", password: "Bonjour-2026", firstName: "C", lastName: "C" });
    const max = env().login.maxPerAccount;
    for (let i = 0; i < max - 1; i++) {
      await expect(authenticate({ login: user.identifiant, password: "faux", address: address() })).rejects.toThrow(BAD_CREDENTIALS);
    }
    await expect(authenticate({ login: "clear@exemple.fr", password: "Bonjour-2026", address: address() })).resolves.toMatchObject({
      id: user.id,
    });
    for (let i = 0; i < max - 1; i++) {
      await expect(authenticate({ login: "clear@exemple.fr", password: "faux", address: address() })).rejects.toThrow(BAD_CREDENTIALS);
    }
    await expect(authenticate({ login: user.identifiant, password: "Bonjour-2026", address: address() })).resolves.toMatchObject({
      id: user.id,
    });
  });
});
