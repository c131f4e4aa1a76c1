"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/dal";
import { addTariff, deleteTariff, ProductSchema, saveProduct, saveService, ServiceSchema, TariffSchema } from "@/lib/catalogue/admin";
import { handleForm, formDataToObject, type FormState } from "@/lib/forms";
import { parseEuros } from "@/lib/money";

export async function saveServiceAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  const id = (formData.get("id") as string | null) || undefined;
  return handleForm(ServiceSchema, formDataToObject(formData), async (input) => {
    await saveService({ actor, id, input });
    revalidatePath("/admin/catalogue");
    return { status: "success", message: id ? "Service enregistré." : "Service créé." };
  });
}

export async function saveProductAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  const id = (formData.get("id") as string | null) || undefined;
  const input = { ...formDataToObject(formData), siteIds: formData.getAll("siteIds"), classIds: formData.has("classIds") ? formData.getAll("classIds") : undefined };
  return handleForm(ProductSchema, input, async (data) => {
    await saveProduct({ actor, id, input: data });
    revalidatePath("/admin/catalogue");
    return { status: "success", message: id ? "Prestation enregistrée." : "Prestation créée." };
  });
}

export async function addTariffAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  const raw = formDataToObject(formData);
  // Staff type euros ("2,50"); the domain only knows cents.
  const cents = parseEuros(String(raw.price ?? ""));
  if (cents === undefined) return { status: "error", message: "Prix invalide : un montant en euros, par exemple 2,50.", fieldErrors: { price: "Montant en euros attendu." } };
  return handleForm(TariffSchema, { ...raw, unitPriceCents: cents }, async (input) => {
    await addTariff({ actor, input });
    revalidatePath(`/admin/catalogue/${input.productId}`);
    return { status: "success", message: "Tarif ajouté." };
  });
}

export async function deleteTariffAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  return handleForm(z.object({ id: z.string().min(1), productId: z.string().min(1) }), formDataToObject(formData), async ({ id, productId }) => {
    await deleteTariff({ actor, id });
    revalidatePath(`/admin/catalogue/${productId}`);
    return { status: "success", message: "Tarif supprimé." };
  });
}
