import { FileLink } from "@/components/ui/new-window";
import { STATUS_BADGE } from "@/lib/documents/format";
import type { FileDocumentDto } from "@/lib/family-file";
import { formatDate, REVIEW_STATUS_LABELS } from "@/lib/format";

/** The files already sent for one part of the file, with the service's answer. */
export function FileDocuments({ title, documents }: { title: string; documents: FileDocumentDto[] }) {
  if (documents.length === 0) return null;
  return (
    <div className="text-sm">
      <p className="font-semibold">{title}</p>
      <ul className="mt-1 space-y-2">
        {documents.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-2">
            <FileLink fileId={d.fileId} fileName={d.fileName} mimeType={d.mimeType} size={d.size} />
            <span className="text-slate-600">envoyé le {formatDate(d.createdAt)}</span>
            <span className={`rounded-full border px-2 py-0.5 text-xs font-semibold ${STATUS_BADGE[d.status]}`}>{REVIEW_STATUS_LABELS[d.status]}</span>
            {d.status === "REFUSED" && d.refusalReason ? <span className="basis-full text-danger-700">Motif : {d.refusalReason}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
