import { checkPayfipPayment } from "@/lib/payments";

/**
 * PayFiP's server-to-server notification. It is not signed and carries only
 * the idop: nothing in it is believed; the payment's detail is asked of
 * PayFiP and matched. The answer never says whether the id was known.
 */
async function handle(request: Request) {
  const url = new URL(request.url);
  let idOp = url.searchParams.get("idop") ?? url.searchParams.get("idOp");
  if (!idOp && request.method === "POST") {
    const body = new URLSearchParams(await request.text());
    idOp = body.get("idop") ?? body.get("idOp");
  }
  if (idOp && /^[0-9a-fA-F-]{36}$/.test(idOp)) {
    await checkPayfipPayment(idOp);
  }
  return new Response("OK", { status: 200, headers: { "Cache-Control": "no-store" } });
}

export const POST = handle;
export const GET = handle;
