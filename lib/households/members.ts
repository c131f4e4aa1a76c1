import "server-only";
import { getDb } from "@/lib/db/client";
import type { Civility, Quality } from "@/lib/generated/prisma/client";

export type FamilyMemberDto = {
  id: string;
  firstName: string;
  lastName: string;
  quality: Quality;
  synced: boolean;
};

/** The members of the parent's own household: the household id comes from the session, never the URL. */
export async function listFamilyMembers(householdId: string): Promise<FamilyMemberDto[]> {
  const db = await getDb();
  const people = await db.person.findMany({
    where: { householdId },
    orderBy: [{ quality: "asc" }, { birthDate: "asc" }],
    select: { id: true, firstName: true, lastName: true, quality: true, user: { select: { status: true } } },
  });
  return people.map(({ user, ...p }) => ({ ...p, synced: user?.status === "ACTIVE" }));
}

export type FamilyMemberDetailDto = {
  id: string;
  quality: Quality;
  civility: Civility | null;
  lastName: string;
  firstName: string;
  birthDate: Date | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  address: { address1: string; address2: string | null; postalCode: string; city: string };
  /** The linked account, when the member has one: its login and whether it is active ("Compte synchronisé"). */
  account: { identifiant: string; email: string; synced: boolean } | null;
};

/**
 * "Informations du Compte Citoyen" of one member of the parent's household.
 * The household is part of the query: another household's member reads as
 * missing (null), exactly like an unknown id.
 */
export async function getFamilyMember({
  householdId,
  personId,
}: {
  householdId: string;
  personId: string;
}): Promise<FamilyMemberDetailDto | null> {
  const db = await getDb();
  const row = await db.person.findFirst({
    where: { id: personId, householdId },
    select: {
      id: true,
      quality: true,
      civility: true,
      lastName: true,
      firstName: true,
      birthDate: true,
      phone: true,
      mobile: true,
      email: true,
      household: { select: { address1: true, address2: true, postalCode: true, city: true } },
      user: { select: { identifiant: true, email: true, status: true, phone: true, mobile: true } },
    },
  });
  if (!row) return null;
  const { household, user, ...person } = row;
  return {
    ...person,
    phone: user?.phone ?? person.phone,
    mobile: user?.mobile ?? person.mobile,
    email: user?.email ?? person.email,
    address: household,
    account: user ? { identifiant: user.identifiant, email: user.email, synced: user.status === "ACTIVE" } : null,
  };
}
