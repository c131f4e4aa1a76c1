import type { NextRequest } from "next/server";
import { createRouteHandler } from "uploadthing/next";
import { env } from "@/lib/env";
import { buildFileRouter } from "./core";

type Handlers = ReturnType<typeof createRouteHandler>;
let handlers: Handlers | undefined;

// Built on first request, not at import: `next build` loads route modules
// and must not need the production settings.
function uploadthing(): Handlers | null {
  const token = env().uploadthingToken;
  if (!token) return null;
  handlers ??= createRouteHandler({
    router: buildFileRouter(env().uploadMaxBytes),
    config: { token, callbackUrl: `${env().appUrl}/api/uploadthing` },
  });
  return handlers;
}

const notFound = () => Response.json({ error: "Introuvable." }, { status: 404 });

export async function GET(request: NextRequest) {
  return (await uploadthing()?.GET(request)) ?? notFound();
}

export async function POST(request: NextRequest) {
  return (await uploadthing()?.POST(request)) ?? notFound();
}
