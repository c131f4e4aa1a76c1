import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Field, Input, RequiredNote } from "./field";

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

  it("explains the * in a form's own words, or, from a shared form part, only where the form has a required field", () => {
    expect(renderToStaticMarkup(<RequiredNote />)).toContain("data-required-note=");
    const auto = renderToStaticMarkup(<RequiredNote auto />);
    expect(auto).not.toContain("data-required-note=");
    expect(auto).toContain("hidden [form:has([aria-required=true]):not(:has([data-required-note]))_&amp;]:block");
  });
});
