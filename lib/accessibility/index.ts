import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { dateToDay, type Day } from "@/lib/dates";
import type { AccessibilityDeclaration } from "@/lib/generated/prisma/client";
import type { AuthoritySettingsDto } from "@/lib/settings";
import type { AuditedPage, DeclarationInput, NonAccessibleItem } from "./schemas";
import { conformityOf, type Conformity } from "./status";

/** The declaration as saved; `establishedOn` is null until it has been written (the footer then says "non conforme"). */
export type DeclarationDto = Omit<DeclarationInput, "establishedOn"> & { establishedOn: Day | null; conformity: Conformity };

const EMPTY: DeclarationDto = {
  establishedOn: null,
  auditDate: null,
  auditor: "",
  criteriaMet: null,
  criteriaNotMet: null,
  criteriaNotApplicable: null,
  nonAccessible: [],
  technologies: [],
  testEnvironment: [],
  tools: [],
  pagesAudited: [],
  contactEmail: "",
  contactAddress: "",
  contactFormUrl: null,
  multiYearPlanUrl: null,
  actionPlanUrl: null,
  conformity: conformityOf({ criteriaMet: null, criteriaNotMet: null }),
};

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

// Rebuilt field by field: jsonb hands objects back with its own key order,
// and a saved list must compare equal to the same list posted again.
const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null) : [];
const str = (value: unknown) => (typeof value === "string" ? value : "");

export function toDeclarationDto(row: AccessibilityDeclaration | null): DeclarationDto {
  if (!row) return EMPTY;
  return {
    establishedOn: row.establishedOn ? dateToDay(row.establishedOn) : null,
    auditDate: row.auditDate ? dateToDay(row.auditDate) : null,
    auditor: row.auditor,
    criteriaMet: row.criteriaMet,
    criteriaNotMet: row.criteriaNotMet,
    criteriaNotApplicable: row.criteriaNotApplicable,
    nonAccessible: records(row.nonAccessible).map(
      (item): NonAccessibleItem => ({
        content: str(item.content),
        reason: item.reason as NonAccessibleItem["reason"],
        detail: str(item.detail),
        alternative: str(item.alternative),
      }),
    ),
    technologies: strings(row.technologies),
    testEnvironment: strings(row.testEnvironment),
    tools: strings(row.tools),
    pagesAudited: records(row.pagesAudited).map((page): AuditedPage => ({ title: str(page.title), url: str(page.url) })),
    contactEmail: row.contactEmail,
    contactAddress: row.contactAddress,
    contactFormUrl: row.contactFormUrl,
    multiYearPlanUrl: row.multiYearPlanUrl,
    actionPlanUrl: row.actionPlanUrl,
    conformity: conformityOf(row),
  };
}

async function loadDeclaration(): Promise<DeclarationDto> {
  const db = await getDb();
  return toDeclarationDto(await db.accessibilityDeclaration.findUnique({ where: { id: 1 } }));
}

/** The whole declaration (the public page, the staff form), read once per request. */
export const getDeclaration = cache(loadDeclaration);

async function loadConformity(): Promise<Conformity> {
  const db = await getDb();
  const row = await db.accessibilityDeclaration.findUnique({
    where: { id: 1 },
    select: { criteriaMet: true, criteriaNotMet: true },
  });
  return conformityOf(row ?? { criteriaMet: null, criteriaNotMet: null });
}

/**
 * The footer's mention, on every page: two integers of one row, read once
 * per request, derived exactly as the declaration derives them.
 */
export const getConformity = cache(loadConformity);

/** Whom a person who cannot reach a content writes to: the declaration's contact, else the service's own. */
export function declarationContact(
  declaration: Pick<DeclarationDto, "contactEmail" | "contactAddress">,
  settings: Pick<AuthoritySettingsDto, "email" | "name" | "address1" | "address2" | "postalCode" | "city">,
): { email: string; address: string } {
  const serviceAddress = [settings.name, settings.address1, settings.address2, `${settings.postalCode} ${settings.city}`].filter(Boolean).join("\n");
  return { email: declaration.contactEmail || settings.email, address: declaration.contactAddress || serviceAddress };
}
