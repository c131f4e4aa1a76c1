import { notFound, redirect } from "next/navigation";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { FORBIDDEN_CHARACTERS, INVALID_FORM, idle, UNREADABLE_FORM } from "@/lib/forms";
import { defineAction, defineFormAction, defineInputAction } from "./actions";

const dal = vi.hoisted(() => ({ requireRole: vi.fn() }));
vi.mock("@/lib/auth/dal", () => dal);

const parent = { id: "u1", role: "PARENT", status: "ACTIVE", personId: "p1", householdId: "h1" };
const staff = { id: "s1", role: "STAFF", status: "ACTIVE", personId: null, householdId: null };

const Schema = z.object({ name: z.string().min(1, "Indiquez un nom.") });

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

beforeEach(() => {
  dal.requireRole.mockReset().mockImplementation(async (access: string) => {
    if (access === "parent") return parent;
    if (access === "staff") return staff;
    return notFound();
  });
});

describe("defineAction", () => {
  it("gives the body the parsed input and the role's user", async () => {
    const body = vi.fn(async () => ({ status: "success" as const, message: "Enregistré." }));
    const action = defineAction({ role: "parent", schema: Schema }, body);
    expect(await action(idle, form({ name: "Léa", extra: "ignored" }))).toEqual({ status: "success", message: "Enregistré." });
    expect(body).toHaveBeenCalledWith(expect.objectContaining({ input: { name: "Léa" }, user: parent }));
  });

  it("lets the DAL's redirect through for someone who is not a parent, before reading the input or running the body", async () => {
    dal.requireRole.mockImplementation(() => redirect("/connexion"));
    const body = vi.fn(async () => undefined);
    const action = defineAction({ role: "parent", schema: Schema }, body);
    const error = await action(idle, [1, 2]).catch((e: unknown) => e);
    expect(isRedirectError(error)).toBe(true);
    expect(body).not.toHaveBeenCalled();
  });

  it("lets the DAL's 404 through for a staff action called by anyone else", async () => {
    const body = vi.fn(async () => undefined);
    const action = defineAction({ role: "admin", schema: Schema }, body);
    const error = await action(idle, form({ name: "x" })).catch((e: unknown) => e);
    expect(isHTTPAccessFallbackError(error)).toBe(true);
    expect(body).not.toHaveBeenCalled();
  });

  it("checks no session for a public action", async () => {
    const action = defineAction({ role: "public", schema: Schema }, async ({ user }) => ({ status: "success", message: String(user) }));
    expect(await action(idle, form({ name: "x" }))).toEqual({ status: "success", message: "null" });
    expect(dal.requireRole).not.toHaveBeenCalled();
  });

  it.each([
    ["an array", [["name", "x"]]],
    ["null", null],
    ["a plain object", { name: "x" }],
  ])("answers %s instead of a form with French form state, without running the body", async (_label, input) => {
    const body = vi.fn(async () => undefined);
    const action = defineAction({ role: "staff", schema: Schema }, body);
    expect(await action(idle, input)).toEqual({ status: "error", message: UNREADABLE_FORM });
    expect(body).not.toHaveBeenCalled();
  });

  it("answers a field the schema refuses, or a control character, with field errors", async () => {
    const body = vi.fn(async () => undefined);
    const action = defineAction({ role: "staff", schema: Schema }, body);
    expect(await action(idle, form({}))).toEqual({ status: "error", message: INVALID_FORM, fieldErrors: { name: expect.any(String) } });
    expect(await action(idle, form({ name: "a\u0000" }))).toEqual({
      status: "error",
      message: INVALID_FORM,
      fieldErrors: { name: FORBIDDEN_CHARACTERS },
    });
    expect(body).not.toHaveBeenCalled();
  });

  it("turns an AppError from the body into form state, then lets finish touch it", async () => {
    const action = defineAction(
      {
        role: "staff",
        schema: Schema,
        finish: (state, formData) => ({ ...state, values: { name: String(formData.get("name")) } }),
      },
      async () => {
        throw new AppError("CONFLICT", "Ce nom est déjà pris.", { name: "Déjà pris." });
      },
    );
    expect(await action(idle, form({ name: "Léa" }))).toEqual({
      status: "error",
      message: "Ce nom est déjà pris.",
      fieldErrors: { name: "Déjà pris." },
      values: { name: "Léa" },
    });
  });

  it("turns an AppError thrown while reading the form into form state", async () => {
    const body = vi.fn(async () => undefined);
    const action = defineAction(
      {
        role: "staff",
        schema: Schema,
        read: () => {
          throw new AppError("INVALID", "Prix invalide.", { price: "Montant en euros attendu." });
        },
      },
      body,
    );
    expect(await action(idle, form({ name: "x" }))).toEqual({ status: "error", message: "Prix invalide.", fieldErrors: { price: "Montant en euros attendu." } });
    expect(body).not.toHaveBeenCalled();
  });

  it("lets a redirect from the body pass through untouched, without finish", async () => {
    const finish = vi.fn((state) => state);
    const action = defineAction({ role: "parent", schema: Schema, finish }, async () => redirect("/accueil"));
    const error = await action(idle, form({ name: "x" })).catch((e: unknown) => e);
    expect(isRedirectError(error)).toBe(true);
    expect(finish).not.toHaveBeenCalled();
  });

  it("rethrows an error that is not an AppError: it is a bug, not a refusal", async () => {
    const action = defineAction({ role: "parent", schema: Schema }, async () => {
      throw new TypeError("boom");
    });
    await expect(action(idle, form({ name: "x" }))).rejects.toThrow("boom");
  });
});

describe("defineInputAction", () => {
  it("takes the plain object a client component sends, and refuses anything else", async () => {
    const finish = vi.fn((state) => state);
    const action = defineInputAction({ role: "parent", schema: Schema, finish }, async ({ input }) => ({ status: "success", message: input.name }));
    expect(await action({ name: "Léa" })).toEqual({ status: "success", message: "Léa" });
    expect(await action("name=Léa")).toEqual({ status: "error", message: UNREADABLE_FORM });
    expect(finish).toHaveBeenLastCalledWith({ status: "error", message: UNREADABLE_FORM }, "name=Léa");
  });
});

describe("defineFormAction", () => {
  it("sends a refused form where `refused` says", async () => {
    const body = vi.fn(async () => undefined);
    const action = defineFormAction({ role: "public", schema: Schema, refused: () => redirect("/refus") }, body);
    const error = await action(42).catch((e: unknown) => e);
    expect(isRedirectError(error)).toBe(true);
    expect(body).not.toHaveBeenCalled();
  });

  it("runs the body with the parsed form", async () => {
    const body = vi.fn(async () => undefined);
    const action = defineFormAction({ role: "staff", schema: Schema, refused: () => redirect("/refus") }, body);
    await action(form({ name: "Léa" }));
    expect(body).toHaveBeenCalledWith({ input: { name: "Léa" }, user: staff });
  });
});
