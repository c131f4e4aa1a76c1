import { describe, expect, it } from "vitest";
import { fieldDisplayValue, type RequestField } from "./fields";

const field = (type: RequestField["type"], options?: RequestField["options"]): RequestField => ({
  name: "x",
  label: "X",
  type,
  required: false,
  options,
});

describe("a request's values as people read them", () => {
  it("writes a date field as dd/MM/yyyy", () => {
    expect(fieldDisplayValue(field("date"), "1983-07-02")).toBe("02/07/1983");
  });

  it("keeps a stored value that is not a real date as it was typed", () => {
    expect(fieldDisplayValue(field("date"), "2023-02-30")).toBe("2023-02-30");
    expect(fieldDisplayValue(field("date"), "bientôt")).toBe("bientôt");
  });

  it("shows a list's label, and other values untouched", () => {
    expect(fieldDisplayValue(field("select", [{ value: "MME", label: "Mme" }]), "MME")).toBe("Mme");
    expect(fieldDisplayValue(field("text"), "1983-07-02")).toBe("1983-07-02");
  });
});
