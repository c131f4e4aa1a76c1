import Link from "next/link";
import { visibleFileName } from "@/lib/files/name";

/** A document in a staff table: its type, linked to its review page, over its file name as staff may safely read it. */
export function DocumentLink({ document }: { document: { id: string; typeLabel: string; fileName: string } }) {
  return (
    <>
      <Link href={`/admin/documents/${document.id}`} className="font-semibold text-brand-700 underline">
        {document.typeLabel}
      </Link>
      <span className="block break-all text-xs text-slate-600">{visibleFileName(document.fileName)}</span>
    </>
  );
}
