import Image from "next/image";
import { visibleFileName } from "@/lib/files/name";
import { formatFileSize } from "@/lib/format";

/** A stored file shown inline to staff: images as images, PDFs in an object, with a link to open it. */
export function FileViewer({
  fileId,
  fileName,
  mimeType,
  size,
  description,
}: {
  fileId: string;
  fileName: string;
  mimeType: string;
  size: number;
  description: string;
}) {
  const url = `/api/fichiers/${encodeURIComponent(fileId)}`;
  return (
    <div className="space-y-3">
      {mimeType.startsWith("image/") ? (
        // The file route checks the staff session: the image optimiser, which fetches without it, must be skipped.
        <Image
          src={url}
          alt={description}
          width={1200}
          height={900}
          unoptimized
          className="h-auto max-h-[70vh] w-full rounded border border-slate-200 object-contain"
        />
      ) : (
        <object data={url} type="application/pdf" aria-label={`${description} (PDF)`} className="h-[70vh] w-full rounded border border-slate-200">
          <p className="p-4 text-sm">Votre navigateur ne peut pas afficher ce PDF dans la page : ouvrez-le avec le lien ci-dessous.</p>
        </object>
      )}
      <p className="text-sm">
        <a href={url} target="_blank" rel="noopener noreferrer" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
          Ouvrir le document dans un nouvel onglet<span className="sr-only"> (nouvelle fenêtre)</span>
        </a>
        <span className="block break-all text-slate-600">
          {visibleFileName(fileName)} ({formatFileSize(size)})
        </span>
      </p>
    </div>
  );
}
