import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { LOGIN_NOTICES, loginNotice } from "./messages";

vi.mock("@/lib/auth/dal", () => ({ getCurrentUser: async () => null }));
vi.mock("./actions", () => ({ loginAction: async () => ({ status: "idle" }) }));
const { default: LoginPage } = await import("./page");

describe("the sign-in page's notice", () => {
  it("shows only notices written in code", async () => {
    expect(loginNotice("mot-de-passe-modifie")).toBe(LOGIN_NOTICES["mot-de-passe-modifie"]);
    expect(loginNotice("deconnecte-partout")).toMatch(/tous les appareils/);
    for (const code of ["Compte bloqué, appelez le 08 99", "hasOwnProperty", undefined, ["deconnecte-partout"]]) {
      expect(loginNotice(code)).toBeUndefined();
    }
    const element = await LoginPage({ searchParams: Promise.resolve({ message: "Compte bloqué, appelez le 08 99" }) });
    expect(renderToStaticMarkup(createElement(() => element))).not.toContain("appelez");
    const known = await LoginPage({ searchParams: Promise.resolve({ message: "deconnecte-partout" }) });
    expect(renderToStaticMarkup(createElement(() => known))).toContain("tous les appareils");
  });
});
