"use client";

import { useCallback, useState } from "react";
import { FILE_MESSAGES, tooLargeMessage } from "@/lib/files/messages";
import { prepareFile } from "./prepare";

export type UploadDriver = "local" | "uploadthing";
export type UploadStatus = "idle" | "preparing" | "uploading" | "done" | "error";
export type UploadReceipt = { fileId: string; claim: string };

/** A refusal or failure, with the French sentence to show beside the field. */
export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UploadError";
  }
}

/**
 * Sends one document and returns its receipt (`fileId` + secret `claim`),
 * which the form then submits to its server action; the action attaches the
 * file with `claimFile`. The form keeps the File in its own state and calls
 * `upload(file)` only once its other fields are valid, so nothing is
 * uploaded for a form that will be refused anyway:
 *
 *   const uploader = useDocumentUpload(driver, { maxBytes });
 *   const { fileId, claim } = await uploader.upload(file); // throws UploadError
 *   <FileField … progress={uploader.progress} />
 *
 * `driver` comes from the server page (`uploadClientConfig()` in lib/files).
 */
export function useDocumentUpload(driver: UploadDriver, { maxBytes }: { maxBytes?: number } = {}) {
  const [progress, setProgress] = useState<number | null>(null);
  const [status, setStatus] = useState<UploadStatus>("idle");
  const [error, setError] = useState<string | null>(null);

  const upload = useCallback(
    async (file: File): Promise<UploadReceipt> => {
      setError(null);
      setStatus("preparing");
      setProgress(null);
      try {
        const ready = await prepareFile(file, maxBytes);
        if (ready.error) throw new UploadError(ready.error);
        setStatus("uploading");
        setProgress(0);
        const receipt =
          driver === "uploadthing"
            ? await sendToUploadThing(ready.file, setProgress, maxBytes)
            : await sendToApp(ready.file, setProgress);
        setStatus("done");
        setProgress(null);
        return receipt;
      } catch (thrown) {
        const failure = thrown instanceof UploadError ? thrown : new UploadError(FILE_MESSAGES.network);
        setStatus("error");
        setProgress(null);
        setError(failure.message);
        throw failure;
      }
    },
    [driver, maxBytes],
  );

  return { upload, progress, status, error };
}

/** XMLHttpRequest rather than fetch: it reports upload progress. */
function sendToApp(file: File, onProgress: (percent: number) => void): Promise<UploadReceipt> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/uploads");
    request.responseType = "json";
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    });
    request.addEventListener("load", () => {
      const body = request.response as Partial<UploadReceipt & { error: string }> | null;
      if (request.status === 201 && body?.fileId && body.claim) resolve({ fileId: body.fileId, claim: body.claim });
      else reject(new UploadError(body?.error ?? FILE_MESSAGES.network));
    });
    request.addEventListener("error", () => reject(new UploadError(FILE_MESSAGES.network)));
    request.addEventListener("abort", () => reject(new UploadError(FILE_MESSAGES.network)));
    const form = new FormData();
    form.append("file", file, file.name);
    request.send(form);
  });
}

/**
 * `uploadFiles` rather than the `useUploadThing` hook: it throws instead of
 * swallowing errors into a callback, and it fetches no route configuration
 * on mount (which would fail on installs that use the local driver).
 */
async function sendToUploadThing(
  file: File,
  onProgress: (percent: number) => void,
  maxBytes: number | undefined,
): Promise<UploadReceipt> {
  // Loaded on demand: installs on the local driver never download UploadThing's client.
  const { uploadthingHelpers } = await import("./uploadthing-client");
  let results;
  try {
    results = await uploadthingHelpers().uploadFiles("document", {
      files: [file],
      onUploadProgress: ({ progress }) => onProgress(Math.round(progress)),
    });
  } catch (thrown) {
    const code = (thrown as { code?: string }).code;
    // Our middleware refuses with FORBIDDEN only when throttling; UploadThing
    // itself answers TOO_LARGE or BAD_REQUEST (size or type outside the route's).
    if (code === "FORBIDDEN") throw new UploadError(FILE_MESSAGES.throttled);
    if (code === "TOO_LARGE" && maxBytes) throw new UploadError(tooLargeMessage(maxBytes));
    if (code === "BAD_REQUEST") throw new UploadError(FILE_MESSAGES.type);
    throw new UploadError(FILE_MESSAGES.network);
  }
  const data = results[0]?.serverData;
  if (!data) throw new UploadError(FILE_MESSAGES.network);
  if ("error" in data) throw new UploadError(data.error);
  return data;
}
