import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Field, Input } from "./field";

describe("Field", () => {
  it("announces a required field on the control, not only with the visual *", () => {
    const html = renderToStaticMarkup(<Field label="Prénom" required>{(p) => <Input {...p} />}</Field>);
    expect(html).toMatch(/<input[^>]*aria-required="true"/);
    expect(html).toContain(`<span class="text-danger-700" aria-hidden="true"> *</span>`);
  });

  it("says nothing of the kind on an optional field", () => {
    const html = renderToStaticMarkup(<Field label="Téléphone">{(p) => <Input {...p} />}</Field>);
    expect(html).not.toContain("aria-required");
    expect(html).not.toContain("*");
  });
});
