import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createHousehold } from "@/lib/factories";
import { INVALID_INPUT } from "./invalid-input";

describe("a value the database refuses as malformed", () => {
  it("is the visitor's input: AppError INVALID with a French message, in or out of a transaction", async () => {
    const db = await getDb();
    const refused = await db.household.findFirst({ where: { name: "a\u0000b" } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "INVALID", status: 400, message: INVALID_INPUT });

    const inTx = await db.$transaction((tx) => tx.household.findMany({ where: { city: { contains: "\u0000" } } })).catch((e: unknown) => e);
    expect(inTx).toMatchObject({ code: "INVALID" });
  });

  it("changes nothing, and leaves the database's other refusals as they were", async () => {
    const db = await getDb();
    const household = await createHousehold(db, { name: "NUL", address1: "1 rue", postalCode: "75001", city: "Paris", members: [] });
    await expect(db.household.update({ where: { id: household.id }, data: { city: "Pa\u0000ris" } })).rejects.toMatchObject({ code: "INVALID" });
    expect((await db.household.findUniqueOrThrow({ where: { id: household.id } })).city).toBe("Paris");
    // A missing row is a bug or a race for the caller to handle, not bad input.
    await expect(db.household.update({ where: { id: "missing" }, data: { city: "X" } })).rejects.toMatchObject({ code: "P2025" });
  });
});
