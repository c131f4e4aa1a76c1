"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { deleteFileAction } from "./actions";

/** "Supprimer", only offered while a file is "En attente". */
export function DeleteFileForm({ documentId, fileName }: { documentId: string; fileName: string }) {
  const [state, action] = useActionState(deleteFileAction, idle);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="documentId" value={documentId} />
      <SubmitButton variant="ghost" pendingLabel="Suppression…" className="min-h-9 px-2 py-1">
        Supprimer<span className="sr-only"> le fichier {fileName}</span>
      </SubmitButton>
      {state.status === "error" ? (
        <p role="alert" data-alert="error" className="text-sm text-danger-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
