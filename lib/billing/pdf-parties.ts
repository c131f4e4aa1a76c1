import type { PdfAuthority, PdfHousehold } from "@/lib/billing/pdf/types";
import type { Civility } from "@/lib/generated/prisma/client";
import type { AuthoritySettingsDto } from "@/lib/settings";

type HouseholdWithResponsible = PdfHousehold & {
  members: { civility: Civility | null; firstName: string; lastName: string }[];
};

/** Who a billing document is from and to: the authority's régie and the household's responsible member. */
export function pdfParties(settings: AuthoritySettingsDto, household: HouseholdWithResponsible) {
  const responsible = household.members[0];
  const authority: PdfAuthority = {
    name: settings.name,
    address1: settings.address1,
    address2: settings.address2,
    postalCode: settings.postalCode,
    city: settings.city,
    phone: settings.phone,
    email: settings.email,
    siret: settings.siret,
    regieName: settings.regieName,
    regieReference: settings.regieReference,
  };
  return {
    authority,
    household: {
      id: household.id,
      name: household.name,
      reference: household.reference,
      address1: household.address1,
      address2: household.address2,
      postalCode: household.postalCode,
      city: household.city,
    } satisfies PdfHousehold,
    responsible: responsible
      ? `${responsible.civility === "MME" ? "Mme " : responsible.civility === "M" ? "M. " : ""}${responsible.firstName} ${responsible.lastName}`
      : `Famille ${household.name}`,
  };
}
