import { generateReactHelpers } from "@uploadthing/react";
import type { DocumentFileRouter } from "@/app/api/uploadthing/core";

type Helpers = ReturnType<typeof generateReactHelpers<DocumentFileRouter>>;
let helpers: Helpers | undefined;

/**
 * Made on first use, in the browser: the helpers resolve the endpoint
 * against the page's origin when they are created, which during server
 * rendering would be a made-up localhost.
 */
export function uploadthingHelpers(): Helpers {
  helpers ??= generateReactHelpers<DocumentFileRouter>({ url: "/api/uploadthing" });
  return helpers;
}
