import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { CONFIRM_ERRORS, confirmErrorCode, confirmErrorMessage, GENERIC_CONFIRM_ERROR } from "./messages";
import ConfirmPage from "./page";

// The page's form action pulls in the session (next-auth), which this render does not need.
vi.mock("./actions", () => ({ confirmEmailAction: async () => undefined }));

const INJECTED = "Votre compte est suspendu : appelez le 08 99 00 00 00";

async function render(searchParams: Record<string, string>) {
  const element = await ConfirmPage({ searchParams: Promise.resolve(searchParams) });
  return renderToStaticMarkup(createElement(() => element));
}

describe("the registration confirmation page's error", () => {
  it("maps codes to sentences written in code, and anything else to a generic sentence", () => {
    expect(confirmErrorMessage("expire")).toBe(CONFIRM_ERRORS.expire);
    expect(confirmErrorMessage("invalide")).toBe(CONFIRM_ERRORS.invalide);
    for (const code of [INJECTED, "toString", "__proto__", "", undefined, ["expire"]]) {
      expect(confirmErrorMessage(code)).toBe(GENERIC_CONFIRM_ERROR);
    }
  });

  it("turns the errors of a confirmation into codes", () => {
    expect(confirmErrorCode(new AppError("EXPIRED", "Ce lien a expiré. Vous pouvez en demander un nouveau."))).toBe("expire");
    expect(confirmErrorCode(new AppError("EXPIRED", "Ce lien n'est plus valide : il a déjà été utilisé."))).toBe("invalide");
    expect(confirmErrorCode(new AppError("INVALID", "Autre chose."))).toBe("inconnue");
  });

  it("never shows a sentence taken from the URL", async () => {
    const html = await render({ erreur: INJECTED });
    expect(html).not.toContain("appelez le");
    expect(html).toContain(GENERIC_CONFIRM_ERROR.replace(/'/g, "&#x27;"));
    expect(await render({ erreur: "invalide" })).toContain("plus valide");
  });
});
