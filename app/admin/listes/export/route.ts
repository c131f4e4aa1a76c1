import { requireRole } from "@/lib/auth/dal";
import { dayList, dayListCsv } from "@/lib/bookings/lists";
import { csvDownload } from "@/lib/csv";
import { errorResponse } from "@/lib/errors";
import { isId } from "@/lib/validation/ids";

/** The day list as a CSV download that French Excel opens as is. */
export async function GET(request: Request) {
  await requireRole("staff");
  const url = new URL(request.url);
  const productId = url.searchParams.get("produit") ?? "";
  const day = url.searchParams.get("jour") ?? "";
  if (!isId(productId)) return new Response("Introuvable", { status: 404 });
  try {
    const list = await dayList({ productId, day });
    return csvDownload(dayListCsv(list), `liste-${list.productName}-${day}`);
  } catch (error) {
    return errorResponse(error);
  }
}
