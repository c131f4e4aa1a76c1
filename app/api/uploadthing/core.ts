import { createUploadthing, type FileRouter, UTFiles } from "uploadthing/next";
import { UploadThingError } from "uploadthing/server";
import { getCurrentUser } from "@/lib/auth/dal";
import { clientAddress } from "@/lib/auth/client-address";
import { AppError } from "@/lib/errors";
import { recordUploadedFile, throttleUpload } from "@/lib/files";
import { newStorageKey } from "@/lib/storage";

const f = createUploadthing();

type RouteInput = Exclude<Parameters<typeof f>[0], readonly unknown[]>;
type UploadThingFileSize = NonNullable<NonNullable<RouteInput["application/pdf"]>["maxFileSize"]>;

/**
 * UploadThing's type lists only powers of two ("8MB", "16MB"), while its
 * parser takes any whole number with a unit; the limit comes from the
 * settings, so it is given in kilobytes.
 */
const fileSize = (bytes: number) => `${Math.floor(bytes / 1024)}KB` as UploadThingFileSize;

/** What the browser receives: the pending file's receipt, or why it was refused. */
export type DocumentUploadResult = { fileId: string; claim: string } | { error: string };

/**
 * The browser uploads straight to UploadThing, under a random key we choose
 * (its customId). Nothing is trusted until `onUploadComplete` has downloaded
 * and checked the file. A refusal is returned as data rather than thrown:
 * UploadThing does not pass a thrown error back to the browser, which would
 * wait until it times out.
 */
export function buildFileRouter(maxBytes: number) {
  const limit = { maxFileSize: fileSize(maxBytes), maxFileCount: 1 };
  return {
    document: f(
      { "image/jpeg": limit, "image/png": limit, "image/webp": limit, "image/heic": limit, "image/heif": limit, "application/pdf": limit },
      { awaitServerData: true },
    )
      .middleware(async ({ req, files }) => {
        const user = await getCurrentUser();
        try {
          await throttleUpload({ address: clientAddress(req.headers), userId: user?.id });
        } catch (error) {
          if (error instanceof AppError) throw new UploadThingError({ code: "FORBIDDEN", message: error.message });
          throw error;
        }
        return {
          uploadedById: user?.id ?? null,
          [UTFiles]: files.map((file) => ({ ...file, customId: newStorageKey() })),
        };
      })
      .onUploadComplete(async ({ metadata, file }): Promise<DocumentUploadResult> => {
        if (!file.customId) throw new Error(`UploadThing file ${file.key} arrived without our customId`);
        try {
          return await recordUploadedFile({ storageKey: file.customId, name: file.name, uploadedById: metadata.uploadedById });
        } catch (error) {
          if (error instanceof AppError) return { error: error.message };
          throw error;
        }
      }),
  } satisfies FileRouter;
}

export type DocumentFileRouter = ReturnType<typeof buildFileRouter>;
