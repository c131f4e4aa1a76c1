import { Field, Input, Select } from "@/components/ui/field";
import { ABSENCE_CREDIT_LABELS, labelOptions } from "@/lib/format";
import type { AbsenceCredit } from "@/lib/generated/prisma/client";

export type ProductFormValues = {
  serviceId?: string;
  name?: string;
  description?: string | null;
  minAgeYears?: number | null;
  maxAgeYears?: number | null;
  deadlineDays?: number;
  deadlineTime?: string;
  openMonthsAhead?: number;
  defaultCapacity?: number;
  active?: boolean;
  siteIds?: string[];
  absenceDeadlineDays?: number;
  absenceDeadlineTime?: string;
  absenceCredit?: AbsenceCredit;
  absenceCarenceDays?: number;
  taxCertificateEligible?: boolean;
};

/** The product's description, who may book it and its booking rules. */
export function ProductFields({
  services,
  sites,
  values = {},
}: {
  services: { id: string; name: string }[];
  sites: { id: string; name: string }[];
  values?: ProductFormValues;
}) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Service" required>
          {(p) => (
            <Select {...p} name="serviceId" required defaultValue={values.serviceId}>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Nom de la prestation" required>
          {(p) => <Input {...p} name="name" required defaultValue={values.name} />}
        </Field>
      </div>
      <Field label="Description">{(p) => <Input {...p} name="description" defaultValue={values.description ?? ""} />}</Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Âge minimum (ans)" hint="Vide : pas de limite.">
          {(p) => <Input {...p} name="minAgeYears" inputMode="numeric" defaultValue={values.minAgeYears ?? ""} />}
        </Field>
        <Field label="Âge maximum (ans)" hint="Vide : pas de limite.">
          {(p) => <Input {...p} name="maxAgeYears" inputMode="numeric" defaultValue={values.maxAgeYears ?? ""} />}
        </Field>
        <Field label="Capacité par jour" required>
          {(p) => <Input {...p} name="defaultCapacity" inputMode="numeric" required defaultValue={values.defaultCapacity ?? 50} />}
        </Field>
        <Field label="Délai de prévenance (jours avant)" required>
          {(p) => <Input {...p} name="deadlineDays" inputMode="numeric" required defaultValue={values.deadlineDays ?? 2} />}
        </Field>
        <Field label="Heure limite (heure de Paris)" required>
          {(p) => <Input {...p} name="deadlineTime" type="time" required defaultValue={values.deadlineTime ?? "10:00"} />}
        </Field>
        <Field label="Mois ouverts à la réservation" hint="Mois en cours compris." required>
          {(p) => <Input {...p} name="openMonthsAhead" inputMode="numeric" required defaultValue={values.openMonthsAhead ?? 2} />}
        </Field>
      </div>
      <fieldset className="space-y-3 rounded-md border border-slate-300 p-4">
        <legend className="px-1 font-semibold">Absences</legend>
        <p className="text-sm text-slate-700">
          Jusqu&apos;à quand une famille peut signaler l&apos;absence d&apos;un enfant sur un jour réservé, et si ce jour lui est
          remboursé en avoir. 0 jour avant et 09:00 : le jour même jusqu&apos;à 9 h.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Signalement possible jusqu'à (jours avant)" required>
            {(p) => <Input {...p} name="absenceDeadlineDays" inputMode="numeric" required defaultValue={values.absenceDeadlineDays ?? 0} />}
          </Field>
          <Field label="Signalement possible jusqu'à (heure de Paris)" required>
            {(p) => <Input {...p} name="absenceDeadlineTime" type="time" required defaultValue={values.absenceDeadlineTime ?? "09:00"} />}
          </Field>
          <Field label="Remboursement" required>
            {(p) => (
              <Select {...p} name="absenceCredit" required defaultValue={values.absenceCredit ?? "CERTIFICATE"}>
                {labelOptions(ABSENCE_CREDIT_LABELS).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Jours de carence" hint="Par signalement, les premiers jours ne sont pas remboursés (0 à 10)." required>
            {(p) => <Input {...p} name="absenceCarenceDays" inputMode="numeric" required defaultValue={values.absenceCarenceDays ?? 0} />}
          </Field>
        </div>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-semibold">Sites concernés (aucun coché : tous les sites)</legend>
        {sites.map((s) => (
          <label key={s.id} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="siteIds" value={s.id} defaultChecked={values.siteIds?.includes(s.id)} className="size-5" />
            {s.name}
          </label>
        ))}
      </fieldset>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="active" defaultChecked={values.active ?? true} className="size-5" />
        Ouverte à la réservation
      </label>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="taxCertificateEligible" defaultChecked={values.taxCertificateEligible ?? false} className="size-5" />
        Éligible à l&apos;attestation fiscale (frais de garde des moins de 6 ans)
      </label>
    </>
  );
}
