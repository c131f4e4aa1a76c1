import { requireRole } from "@/lib/auth/dal";
import { dayList, dayListCsv } from "@/lib/bookings/lists";
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
    const name = `liste-${list.productName}-${day}`.normalize("NFD").replace(/[^\w.-]+/g, "-").toLowerCase();
    return new Response(dayListCsv(list), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
