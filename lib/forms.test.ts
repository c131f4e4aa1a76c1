import { describe, expect, it, vi } from "vitest";
import { RegistrationSchema } from "@/lib/accounts/schemas";
import { LoginSchema } from "@/lib/validation/fields";
import { FORBIDDEN_CHARACTERS, formDataToObject, handleForm, INVALID_FORM, UNREADABLE_FORM } from "./forms";

const long = "a".repeat(10_000);
let deep: unknown = "x";
for (let i = 0; i < 10_000; i++) deep = { deep };

// What the body of a server action call can decode to, instead of the form the action expects.
const corpus: [string, unknown][] = [
  ["an empty array", []],
  ["an array of FormData-like pairs", [["login", "a"]]],
  ["null", null],
  ["undefined", undefined],
  ["a number", 42],
  ["NaN", Number.NaN],
  ["a string", "login=a&password=b"],
  ["a boolean", true],
  ["a Map", new Map([["login", "a"]])],
  ["a Date", new Date()],
  ["a NUL in the login", { login: "parent\u0000", password: "secret" }],
  ["only a NUL", { login: "\u0000", password: "\u0000" }],
  ["a lone high surrogate", { login: "\ud800", password: "secret" }],
  ["a lone low surrogate", { login: "a\udc00b", password: "secret" }],
  ["a bell character", { login: "a\u0007", password: "secret" }],
  ["10 000 characters", { login: long, password: long }],
  ["arrays as values", { login: ["a", "b"], password: [] }],
  ["null values", { login: null, password: null }],
  ["numbers as values", { login: 1, password: 2 }],
  ["nested objects", { login: { $ne: "" }, password: { toString: "x" } }],
  ["a NUL deep in an array", { login: "a", password: "b", extra: [{ x: ["\u0000"] }] }],
  ["10 000 levels of nesting", { login: "a", password: "b", deep }],
  ["a prototype-polluting key", JSON.parse('{"__proto__": {"login": "a"}, "password": "b"}')],
];

describe("handleForm given what is not a well-formed form", () => {
  it.each(corpus)("answers %s with French form state, never a throw, never the domain call", async (_label, input) => {
    const run = vi.fn(async () => undefined);
    const state = await handleForm(LoginSchema, input, run);
    expect(state.status).toBe("error");
    expect(state.message).toMatch(/^Le formulaire /);
    expect(run).not.toHaveBeenCalled();
  });

  it.each(corpus)("answers %s the same way with the registration schema (refinements, transforms)", async (_label, input) => {
    const run = vi.fn(async () => undefined);
    await expect(handleForm(RegistrationSchema, input, run)).resolves.toMatchObject({ status: "error" });
    expect(run).not.toHaveBeenCalled();
  });

  it("says the form could not be read when it is not a form at all", async () => {
    for (const input of [[], null, 42, "x", new Map(), formDataToObject([]), { ...formDataToObject(null), login: "a", password: "b" }]) {
      expect(await handleForm(LoginSchema, input, async () => undefined)).toEqual({ status: "error", message: UNREADABLE_FORM });
    }
  });

  it("refuses a NUL or control character with an error on the field, rather than changing what was typed", async () => {
    const form = new FormData();
    form.set("login", "parent\u0000@example.fr");
    form.set("password", "ok\u0001");
    expect(await handleForm(LoginSchema, formDataToObject(form), async () => undefined)).toEqual({
      status: "error",
      message: INVALID_FORM,
      fieldErrors: { login: FORBIDDEN_CHARACTERS, password: FORBIDDEN_CHARACTERS },
    });
    const nested = await handleForm(LoginSchema, { login: "a", password: "b", uploads: [{ fileId: "\ud800" }] }, async () => undefined);
    expect(nested.fieldErrors).toEqual({ "uploads.0.fileId": FORBIDDEN_CHARACTERS });
  });

  it("still lets through what people type: accents, emoji, tabs and line breaks", async () => {
    const run = vi.fn(async () => undefined);
    const form = new FormData();
    form.set("login", "  Hélène 🙂\tO'Brien ");
    form.set("password", "ligne 1\r\nligne 2");
    form.set("$ACTION_ID_abc", "");
    expect(await handleForm(LoginSchema, form, run)).toEqual({ status: "success" });
    expect(run).toHaveBeenCalledWith({ login: "Hélène 🙂\tO'Brien", password: "ligne 1\r\nligne 2" });
    expect(await handleForm(LoginSchema, { login: "a", password: "b" }, run)).toEqual({ status: "success" });
  });

  it("keeps a file field as it is", async () => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array([0, 1, 2])], "a\u0000.png"));
    expect(formDataToObject(form).file).toBeInstanceOf(File);
  });
});
