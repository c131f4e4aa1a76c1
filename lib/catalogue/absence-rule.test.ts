import { describe, expect, it } from "vitest";
import { createCanteen, createStaffActor } from "@/lib/bookings/testing";
import { getDb } from "@/lib/db/client";
import { fieldErrors } from "@/lib/forms";
import { getProductForStaff, ProductSchema, saveProduct } from "./admin";

/** What the product form posts, as text, before the absence fieldset. */
const formFields = (serviceId: string) => ({
  serviceId,
  name: "Repas du mercredi",
  description: "",
  minAgeYears: "",
  maxAgeYears: "",
  deadlineDays: "2",
  deadlineTime: "10:00",
  openMonthsAhead: "2",
  defaultCapacity: "40",
  active: "on",
  siteIds: [],
});

describe("a product's absence rule", () => {
  it("defaults to 09:00 the same day, refunded on a certificate, no carence, when the form has no absence fields", () => {
    const parsed = ProductSchema.parse(formFields("s1"));
    expect(parsed).toMatchObject({ absenceDeadlineDays: 0, absenceDeadlineTime: "09:00", absenceCredit: "CERTIFICATE", absenceCarenceDays: 0 });
  });

  it("refuses a carence over 10 days, a time that is not HH:MM and an unknown refund rule, in French", () => {
    const result = ProductSchema.safeParse({
      ...formFields("s1"),
      absenceDeadlineDays: "1",
      absenceDeadlineTime: "9h",
      absenceCredit: "TOUJOURS",
      absenceCarenceDays: "11",
    });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      absenceDeadlineTime: "Heure au format HH:MM.",
      absenceCredit: "Choisissez le remboursement des absences.",
      absenceCarenceDays: "10 jours de carence au plus.",
    });
    expect(fieldErrors(ProductSchema.safeParse({ ...formFields("s1"), absenceCarenceDays: "1,5" }).error!)).toEqual({
      absenceCarenceDays: "Nombre de jours attendu.",
    });
    expect(fieldErrors(ProductSchema.safeParse({ ...formFields("s1"), absenceDeadlineDays: "-1" }).error!)).toEqual({
      absenceDeadlineDays: "Nombre de jours positif attendu.",
    });
  });

  it("is saved with the product and journaled: the rule on creation, before and after on a change, nothing when unchanged", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    const actor = await createStaffActor(db);
    const input = ProductSchema.parse({
      ...formFields(canteen.service.id),
      absenceDeadlineDays: "1",
      absenceDeadlineTime: "18:00",
      absenceCredit: "AUTO",
      absenceCarenceDays: "1",
    });
    const created = await saveProduct({ actor, input });
    expect(await getProductForStaff(created!.id)).toMatchObject({
      absenceDeadlineDays: 1,
      absenceDeadlineTime: "18:00",
      absenceCredit: "AUTO",
      absenceCarenceDays: 1,
    });

    await saveProduct({ actor, id: created!.id, input: { ...input, absenceCredit: "NONE", absenceCarenceDays: 0 } });
    await saveProduct({ actor, id: created!.id, input: { ...input, absenceCredit: "NONE", absenceCarenceDays: 0, defaultCapacity: 45 } });

    const events = await db.auditEvent.findMany({
      where: { actorId: actor.id, action: "catalogue.product", targetId: created!.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.details)).toEqual([
      { label: "Repas du mercredi", absences: "Signalement jusqu'à 1 jour avant à 18:00 ; Remboursée automatiquement ; 1 jour de carence" },
      {
        label: "Repas du mercredi",
        absencesFrom: "Signalement jusqu'à 1 jour avant à 18:00 ; Remboursée automatiquement ; 1 jour de carence",
        absencesTo: "Signalement jusqu'à 1 jour avant à 18:00 ; Non remboursée ; 0 jour de carence",
      },
      { label: "Repas du mercredi" },
    ]);
  });

  it("answers an unknown product as not found and changes nothing", async () => {
    const db = await getDb();
    const canteen = await createCanteen(db);
    const actor = await createStaffActor(db);
    const input = ProductSchema.parse(formFields(canteen.service.id));
    await expect(saveProduct({ actor, id: "c".repeat(25), input })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Prestation introuvable." });
    expect(await db.auditEvent.count({ where: { actorId: actor.id } })).toBe(0);
  });
});
