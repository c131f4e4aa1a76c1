import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";

/** The "Prestation" + period choice at the top of the calendar and the lists (a GET form, so views can be bookmarked). */
export function ProductPicker({
  products,
  selected,
  children,
}: {
  products: { id: string; label: string }[];
  selected: string;
  /** The period field: a month for the calendar, a day for the lists */
  children: ReactNode;
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      <Field label="Prestation">
        {(p) => (
          <Select {...p} name="produit" defaultValue={selected}>
            {products.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {children}
      <button type="submit" className={buttonClass("secondary")}>
        Afficher
      </button>
    </form>
  );
}
