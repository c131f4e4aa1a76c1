import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { INVALID_FORM } from "@/lib/forms";
import { ErrorSummary, errorCountTitle } from "./error-summary";

describe("the error summary", () => {
  it("counts the errors with the right plural", () => {
    expect(errorCountTitle(1)).toBe("Le formulaire contient 1 erreur");
    expect(errorCountTitle(3)).toBe("Le formulaire contient 3 erreurs");
  });

  it("lists each field's message as a link to the field, under the count instead of the generic sentence", () => {
    const html = renderToStaticMarkup(
      <ErrorSummary
        state={{ status: "error", message: INVALID_FORM, fieldErrors: { email: "Indiquez votre email.", fileId: "Joignez le fichier.", fileClaim: "Joignez le fichier." } }}
        fieldIds={{ email: "email", fileId: "document", fileClaim: "document" }}
      />,
    );
    expect(html).toContain("Le formulaire contient 2 erreurs");
    expect(html).not.toContain(INVALID_FORM);
    expect(html).toContain('href="#email"');
    expect(html).toContain('href="#document"');
    expect(html.match(/Joignez le fichier\./g)).toHaveLength(1);
    expect(html).toContain('tabindex="-1"');
  });

  it("is the message alone for a refusal without field errors, and nothing when all is well", () => {
    const html = renderToStaticMarkup(<ErrorSummary state={{ status: "error", message: "Identifiant ou mot de passe incorrect." }} />);
    expect(html).toContain("Identifiant ou mot de passe incorrect.");
    expect(html).not.toContain("Le formulaire contient");
    expect(renderToStaticMarkup(<ErrorSummary state={{ status: "success", message: "Enregistré." }} />)).toBe("");
  });
});
