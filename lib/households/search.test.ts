import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { searchHouseholds } from "./index";
import { normalizeSearchText, SEARCH_ACCENTED } from "./search-text";

const address = { address1: "1 rue", postalCode: "34480", city: "Magalas" };

describe("household search", () => {
  it("ignores accents and case, in the household's name and in its members' names", async () => {
    const db = await getDb();
    const byName = await db.household.create({
      data: { name: "Hélène DUPONT", ...address },
    });
    const byMember = await db.household.create({
      data: { name: "MARTIN", ...address },
    });
    await db.person.create({
      data: {
        householdId: byMember.id,
        quality: "RESPONSABLE",
        firstName: "Hélène",
        lastName: "DUPONT",
      },
    });
    const other = await db.household.create({
      data: { name: "DURAND", ...address },
    });
    await db.person.create({
      data: {
        householdId: other.id,
        quality: "RESPONSABLE",
        firstName: "Hector",
        lastName: "DURAND",
      },
    });

    for (const query of [
      "Helene",
      "HELENE",
      "hélène",
      "HÉLÈNE",
      "helene dupont",
      "Dupont Hélène",
    ]) {
      const found = (await searchHouseholds({ query })).map((h) => h.id).sort();
      expect(found, query).toEqual([byName.id, byMember.id].sort());
    }
    expect(await searchHouseholds({ query: "helene durand" })).toEqual([]);
  });

  it("keeps searching names that change after they were written", async () => {
    const db = await getDb();
    const household = await db.household.create({
      data: { name: "ANCIEN", ...address },
    });
    const person = await db.person.create({
      data: {
        householdId: household.id,
        quality: "ENFANT",
        firstName: "Zoe",
        lastName: "ANCIEN",
      },
    });
    await db.household.update({
      where: { id: household.id },
      data: { name: "Lefèvre" },
    });
    await db.person.update({
      where: { id: person.id },
      data: { firstName: "Zoé", lastName: "LEFÈVRE" },
    });

    expect(
      (await searchHouseholds({ query: "lefevre zoe" })).map((h) => h.id),
    ).toEqual([household.id]);
    expect(await searchHouseholds({ query: "ancien zoe" })).toEqual([]);
    expect(
      (
        await searchHouseholds({
          query: String(
            (
              await db.household.findUniqueOrThrow({
                where: { id: household.id },
              })
            ).reference,
          ),
        })
      ).map((h) => h.id),
    ).toEqual([household.id]);
  });

  it("normalises the query exactly as the database normalises names", async () => {
    const db = await getDb();
    const sample = `${SEARCH_ACCENTED} Œuvre Cœur Ætna Bœuf ÉLODIE-Noël O'Brien ABCxyz`;
    const [row] = await db.$queryRaw<
      { n: string }[]
    >`SELECT search_normalize(${sample}) AS n`;
    expect(row.n).toBe(normalizeSearchText(sample));
    expect(normalizeSearchText("Hélène Œuvray")).toBe("helene oeuvray");
  });
});
