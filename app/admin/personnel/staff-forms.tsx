"use client";

import { useActionState, useId } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { roleGrants } from "@/lib/auth/roles";
import { CIVILITY_LABELS, labelOptions, ROLE_LABELS } from "@/lib/format";
import { idle } from "@/lib/forms";
import { FormMessage } from "../_components/form-message";
import type { AdminFormState } from "../_lib/form-values";
import {
  changeRoleAction,
  createStaffAction,
  resendInvitationAction,
  setStaffStatusAction,
} from "./actions";

const STAFF_ROLE_OPTIONS = labelOptions(ROLE_LABELS).filter((o) => roleGrants(o.value, "staff"));

export function CreateStaffForm() {
  const [state, action] = useActionState<AdminFormState, FormData>(createStaffAction, idle);
  const errors = state.fieldErrors ?? {};
  const value = (name: string) => state.values?.[name] ?? "";
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr_1fr]">
        <Field label="Civilité" required error={errors.civility}>
          {(p) => (
            <Select {...p} name="civility" required defaultValue={value("civility")}>
              <option value="">Choisir…</option>
              {labelOptions(CIVILITY_LABELS).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Nom" required error={errors.lastName}>
          {(p) => <Input {...p} name="lastName" autoComplete="off" required defaultValue={value("lastName")} />}
        </Field>
        <Field label="Prénom" required error={errors.firstName}>
          {(p) => <Input {...p} name="firstName" autoComplete="off" required defaultValue={value("firstName")} />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Email" required hint="L'invitation à choisir un mot de passe est envoyée à cette adresse." error={errors.email}>
          {(p) => <Input {...p} type="email" name="email" autoComplete="off" required defaultValue={value("email")} />}
        </Field>
        <Field
          label="Rôle"
          required
          hint="Un administrateur gère aussi le personnel et les paramètres."
          error={errors.role}
        >
          {(p) => (
            <Select {...p} name="role" required defaultValue={value("role") || "STAFF"}>
              {STAFF_ROLE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <SubmitButton pendingLabel="Création en cours…">Créer le compte et envoyer l&apos;invitation</SubmitButton>
    </form>
  );
}

type Member = {
  id: string;
  name: string;
  role: "STAFF" | "ADMIN";
  status: string;
  hasPassword: boolean;
};

export function StaffRowActions({ member, isSelf }: { member: Member; isSelf: boolean }) {
  const [roleState, roleAction] = useActionState<AdminFormState, FormData>(changeRoleAction, idle);
  const [statusState, statusAction] = useActionState<AdminFormState, FormData>(setStaffStatusAction, idle);
  const [inviteState, inviteAction] = useActionState<AdminFormState, FormData>(resendInvitationAction, idle);
  const roleId = useId();
  if (isSelf) {
    return <p className="text-sm text-slate-600">Votre compte : un autre administrateur peut le modifier.</p>;
  }
  return (
    <div className="space-y-2">
      <FormMessage state={roleState} />
      <FormMessage state={statusState} />
      <FormMessage state={inviteState} />
      <div className="flex flex-wrap items-center gap-2">
        {member.status === "ACTIVE" ? (
          <form action={roleAction} className="flex items-center gap-2">
            <input type="hidden" name="userId" value={member.id} />
            <label htmlFor={roleId} className="sr-only">
              Rôle de {member.name}
            </label>
            <Select id={roleId} name="role" defaultValue={member.role} className="w-auto">
              {STAFF_ROLE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
            <SubmitButton variant="secondary" pendingLabel="…">
              Changer<span className="sr-only"> le rôle de {member.name}</span>
            </SubmitButton>
          </form>
        ) : null}
        <form action={statusAction}>
          <input type="hidden" name="userId" value={member.id} />
          <input type="hidden" name="status" value={member.status === "DISABLED" ? "ACTIVE" : "DISABLED"} />
          {member.status === "DISABLED" ? (
            <SubmitButton variant="secondary" pendingLabel="Réactivation…">
              Réactiver<span className="sr-only"> le compte de {member.name}</span>
            </SubmitButton>
          ) : (
            <SubmitButton variant="danger" pendingLabel="Désactivation…">
              Désactiver<span className="sr-only"> le compte de {member.name}</span>
            </SubmitButton>
          )}
        </form>
        {member.status === "ACTIVE" && !member.hasPassword ? (
          <form action={inviteAction}>
            <input type="hidden" name="userId" value={member.id} />
            <SubmitButton variant="ghost" pendingLabel="Envoi…">
              Renvoyer l&apos;invitation<span className="sr-only"> à {member.name}</span>
            </SubmitButton>
          </form>
        ) : null}
      </div>
    </div>
  );
}
