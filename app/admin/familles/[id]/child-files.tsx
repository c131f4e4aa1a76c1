import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { StaffChildFileDto } from "@/lib/family-file";
import { CONSENT_KIND_LABELS, formatDate, formatDay, PICKUP_KIND_LABELS } from "@/lib/format";
import { StaffNotesForm } from "./staff-notes-form";

const yesNo = (value: boolean | null) => (value === null ? "Non renseigné" : value ? "Oui" : "Non");

function paiLabel(health: StaffChildFileDto["health"]): string {
  if (!health.pai) return "Non";
  if (!health.paiValidUntil) return "Oui";
  return health.paiValid ? `Oui, valable jusqu'au ${formatDay(health.paiValidUntil)}` : `Expiré le ${formatDay(health.paiValidUntil)}`;
}

/** Per child, what the family declared and the staff's own notes: "Dossier de l'enfant". */
export function ChildFiles({ files }: { files: StaffChildFileDto[] }) {
  return (
    <div className="space-y-6">
      {files.map((file) => {
        const name = `${file.child.firstName} ${file.child.lastName}`;
        const { health } = file;
        const rows: [string, string][] = [
          ["Régimes alimentaires", health.diets.map((d) => d.label).join(", ") || "Aucun"],
          ["Allergies", health.allergies ?? "Aucune déclarée"],
          ["PAI", paiLabel(health)],
          ["Vaccinations à jour", yesNo(health.vaccinationsUpToDate)],
          ["Médecin traitant", [health.doctorName, health.doctorPhone].filter(Boolean).join(" — ") || "Non renseigné"],
          ["Remarques", health.remarks ?? "—"],
        ];
        return (
          <Card key={file.child.id} title={`Dossier de l'enfant : ${name}`}>
            {file.pendingHealthRequest ? (
              <p className="mb-3 text-sm">
                <Link href={`/admin/demandes/${file.pendingHealthRequest.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
                  Allergies et PAI : modification en attente de validation (envoyée le {formatDate(file.pendingHealthRequest.createdAt)})
                </Link>
              </p>
            ) : null}
            <div className="grid gap-6 lg:grid-cols-2">
              <div className="space-y-4">
                <h3 className="text-base font-semibold">Fiche santé</h3>
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
                  {rows.map(([label, value]) => (
                    <div key={label} className="contents">
                      <dt className="font-semibold">{label}</dt>
                      <dd className={`whitespace-pre-line break-words ${label === "PAI" && health.pai && !health.paiValid ? "font-semibold text-danger-700" : ""}`}>{value}</dd>
                    </div>
                  ))}
                </dl>
                <h3 className="text-base font-semibold">Personnes autorisées et à prévenir</h3>
                {file.pickupPersons.length === 0 ? (
                  <p className="text-sm">Aucune personne indiquée.</p>
                ) : (
                  <ul className="space-y-1 text-sm">
                    {file.pickupPersons.map((p) => (
                      <li key={p.id}>
                        <span className={p.kind === "FORBIDDEN" ? "font-semibold text-danger-700" : "font-semibold"}>{PICKUP_KIND_LABELS[p.kind]}</span> : {p.name} ({p.relationship})
                        {p.phone ? `, ${p.phone}` : ""}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <div className="space-y-4">
                <h3 className="text-base font-semibold">Autorisations</h3>
                <ul className="space-y-1 text-sm">
                  {file.consents.map((c) => (
                    <li key={c.kind}>
                      <span className="font-semibold">{CONSENT_KIND_LABELS[c.kind]}</span> :{" "}
                      {c.given === null ? "pas de réponse" : `${c.given ? "donnée" : "refusée"} le ${formatDate(c.at)} par ${c.byName}`}
                    </li>
                  ))}
                </ul>
                <h3 className="text-base font-semibold">Notes du service</h3>
                <StaffNotesForm personId={file.child.id} childName={name} notes={file.staffNotes ?? ""} />
              </div>
            </div>
          </Card>
        );
      })}
    </div>
  );
}
