import { describe, expect, it } from "vitest";
import { fieldDisplayValue, fieldsFor, validateRequestData, type RequestField } from "./fields";

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

describe("the fields the portal applies itself", () => {
  const address = {
    action: "CHANGE_ADDRESS",
    fields: [
      { name: "address1", label: "Adresse", type: "text", required: true },
      { name: "address2", label: "Complément d'adresse", type: "text", required: false },
      { name: "postalCode", label: "Code Postal", type: "text", required: true },
      { name: "city", label: "Ville", type: "text", required: true },
    ],
  };
  const qf = {
    action: "UPDATE_QF",
    fields: [
      { name: "qf", label: "Quotient familial", type: "number", required: true },
      { name: "regime", label: "Régime (RG, MSA ou autre)", type: "text", required: true },
      { name: "validUntil", label: "Valable jusqu'au", type: "date", required: true },
      { name: "cafNumber", label: "N° allocataire", type: "text", required: false },
    ],
  };

  it("lets the browser fill a new address in, with the numeric keypad for the postal code", () => {
    const byName = Object.fromEntries(fieldsFor(address).map((f) => [f.name, f]));
    expect(byName.address1.autoComplete).toBe("address-line1");
    expect(byName.address2.autoComplete).toBe("address-line2");
    expect(byName.postalCode).toMatchObject({ autoComplete: "postal-code", inputMode: "numeric", label: "Code Postal" });
    expect(byName.city.autoComplete).toBe("address-level2");
  });

  it("asks the régime from the list of régimes and the CAF number on the numeric keypad", () => {
    const byName = Object.fromEntries(fieldsFor(qf).map((f) => [f.name, f]));
    expect(byName.regime).toMatchObject({ label: "Régime", type: "select" });
    expect(byName.regime.options?.map((o) => o.value)).toEqual(["RG", "MSA", "AUTRE"]);
    expect(byName.cafNumber.inputMode).toBe("numeric");
  });

  it("refuses a régime typed outside the list, on the server too", () => {
    const values = { qf: "351", validUntil: "2027-12-31", cafNumber: "1234567" };
    expect(validateRequestData(qf, { ...values, regime: "général" }).errors).toEqual({ regime: "Choisissez « Régime » dans la liste." });
    expect(validateRequestData(qf, { ...values, regime: "MSA" })).toEqual({ data: { ...values, regime: "MSA" }, errors: {} });
  });
});
