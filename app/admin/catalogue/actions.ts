"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { addTariff, deleteTariff, ProductSchema, saveProduct, saveService, ServiceSchema, TariffSchema } from "@/lib/catalogue/admin";
import { AppError } from "@/lib/errors";
import { formDataToObject } from "@/lib/forms";
import { parseEuros } from "@/lib/money";

/** The record being edited; none when the form creates one. */
const editedId = (formData: FormData) => (formData.get("id") as string | null) || undefined;

export const saveServiceAction = defineAction({ role: "staff", schema: ServiceSchema }, async ({ input, user: actor, formData }) => {
  const id = editedId(formData);
  await saveService({ actor, id, input });
  revalidatePath("/admin/catalogue");
  return { status: "success", message: id ? "Service enregistré." : "Service créé." };
});

export const saveProductAction = defineAction(
  {
    role: "staff",
    schema: ProductSchema,
    read: (formData) => ({
      ...formDataToObject(formData),
      siteIds: formData.getAll("siteIds"),
      classIds: formData.has("classIds") ? formData.getAll("classIds") : undefined,
    }),
  },
  async ({ input, user: actor, formData }) => {
    const id = editedId(formData);
    await saveProduct({ actor, id, input });
    revalidatePath("/admin/catalogue");
    return { status: "success", message: id ? "Prestation enregistrée." : "Prestation créée." };
  },
);

export const addTariffAction = defineAction(
  {
    role: "staff",
    schema: TariffSchema,
    read: (formData) => {
      const raw = formDataToObject(formData);
      // Staff type euros ("2,50"); the domain only knows cents.
      const cents = parseEuros(String(raw.price ?? ""));
      if (cents === undefined) {
        throw new AppError("INVALID", "Prix invalide : un montant en euros, par exemple 2,50.", { price: "Montant en euros attendu." });
      }
      return { ...raw, unitPriceCents: cents };
    },
  },
  async ({ input, user: actor }) => {
    await addTariff({ actor, input });
    revalidatePath(`/admin/catalogue/${input.productId}`);
    return { status: "success", message: "Tarif ajouté." };
  },
);

export const deleteTariffAction = defineAction(
  { role: "staff", schema: z.object({ id: z.string().min(1), productId: z.string().min(1) }) },
  async ({ input: { id, productId }, user: actor }) => {
    await deleteTariff({ actor, id });
    revalidatePath(`/admin/catalogue/${productId}`);
    return { status: "success", message: "Tarif supprimé." };
  },
);
