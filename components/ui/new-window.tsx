import type { ComponentProps } from "react";
import { visibleFileName } from "@/lib/files/name";
import { formatFileSize } from "@/lib/format";

/**
 * What a link that opens a new tab adds to its name (RGAA 13.2): an icon for
 * the eye and "(nouvelle fenêtre)" for a screen reader.
 */
export function NewWindowMark() {
  return (
    <>
      <svg aria-hidden="true" viewBox="0 0 16 16" className="ml-1 inline size-3.5 align-baseline" fill="none" stroke="currentColor" strokeWidth="1.6">
        <path d="M9 2h5v5M14 2 7 9M12 9.5V14H2V4h4.5" />
      </svg>
      <span className="sr-only"> (nouvelle fenêtre)</span>
    </>
  );
}

const FORMATS: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
  "image/heic": "HEIC",
  "image/heif": "HEIF",
};

/** "PDF, 120 Ko": a file's format and size as a link says them; what is unknown (a size of 0) is left out. */
export function fileFacts(file: { mimeType?: string | null; size?: number | null }): string {
  const facts = [file.mimeType ? FORMATS[file.mimeType] : undefined, file.size ? formatFileSize(file.size) : undefined].filter(Boolean);
  return facts.join(", ");
}

/**
 * A stored file, opened in a new tab so the page it was listed on stays
 * where it was: its name, then its format and size, then the new-tab mark,
 * all inside the link so a screen reader's list of links says them too.
 */
export function FileLink({
  fileId,
  fileName,
  mimeType,
  size,
  className = "break-all text-brand-700 underline",
  children,
  ...props
}: { fileId: string; fileName: string; mimeType?: string | null; size?: number | null } & Omit<ComponentProps<"a">, "href" | "target" | "rel">) {
  const facts = fileFacts({ mimeType, size });
  return (
    <a href={`/api/fichiers/${encodeURIComponent(fileId)}`} target="_blank" rel="noopener noreferrer" className={className} {...props}>
      {visibleFileName(fileName)}
      {facts ? <span className="whitespace-nowrap"> ({facts})</span> : null}
      {children}
      <NewWindowMark />
    </a>
  );
}
