/** Parses a French amount typed by staff ("2,50", "2.5", "3") into cents; undefined when it is not one. */
export function parseEuros(text: string): number | undefined {
  const clean = text.trim().replace(/\s|€/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return undefined;
  const [units, decimals = ""] = clean.split(".");
  return Number(units) * 100 + Number(decimals.padEnd(2, "0"));
}

/** PayFiP refuses less than 1,00 €: smaller amounts are paid at the counter. */
export const MIN_ONLINE_CENTS = 100;
