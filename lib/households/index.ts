import "server-only";
import type { Civility, Prisma, Quality, Regime, UserStatus } from "@/lib/generated/prisma/client";
import { auditActionLabel } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { normalizeSearchText } from "./search-text";

// What a parent reads of their own household (members, one member's card).
export * from "./members";

export type HouseholdMemberDto = {
  id: string;
  quality: Quality;
  civility: Civility | null;
  lastName: string;
  firstName: string;
  birthDate: Date | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  schoolClass: string | null;
  schoolClassId: string | null;
  /** The account linked to this person, if any. */
  account: { id: string; status: UserStatus } | null;
};

export type HouseholdSummaryDto = {
  id: string;
  reference: number;
  name: string;
  postalCode: string;
  city: string;
  members: HouseholdMemberDto[];
};

export type HouseholdDto = HouseholdSummaryDto & {
  address1: string;
  address2: string | null;
  qf: number | null;
  qfValidUntil: Date | null;
  regime: Regime | null;
  cafNumber: string | null;
  createdAt: Date;
};

const memberSelect = {
  id: true,
  quality: true,
  civility: true,
  lastName: true,
  firstName: true,
  birthDate: true,
  email: true,
  phone: true,
  mobile: true,
  schoolClassId: true,
  schoolClass: { select: { name: true, site: { select: { name: true } } } },
  user: { select: { id: true, status: true } },
} satisfies Prisma.PersonSelect;

type MemberRow = Prisma.PersonGetPayload<{ select: typeof memberSelect }>;

// Responsables first, children last, so the adults a staff member looks for come first.
const QUALITY_ORDER: Record<Quality, number> = { RESPONSABLE: 0, CONJOINT: 1, AUTRE: 2, ENFANT: 3 };

function toMember(row: MemberRow): HouseholdMemberDto {
  return {
    id: row.id,
    quality: row.quality,
    civility: row.civility,
    lastName: row.lastName,
    firstName: row.firstName,
    birthDate: row.birthDate,
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    schoolClass: row.schoolClass ? `${row.schoolClass.name} (${row.schoolClass.site.name})` : null,
    schoolClassId: row.schoolClassId,
    account: row.user ? { id: row.user.id, status: row.user.status } : null,
  };
}

function sortMembers(members: HouseholdMemberDto[]) {
  return members.sort(
    (a, b) =>
      QUALITY_ORDER[a.quality] - QUALITY_ORDER[b.quality] ||
      a.lastName.localeCompare(b.lastName, "fr") ||
      a.firstName.localeCompare(b.firstName, "fr"),
  );
}

const MAX_TERMS = 5;

/**
 * Each word of the query must match the household's name, one of its
 * members' first or last names, or (for a number) the household reference,
 * so "dupont marie" narrows where "dupont" alone lists every Dupont.
 * Matching ignores case and accents: "helene" finds "Hélène". Null for a
 * blank query.
 */
export function householdSearchWhere(query: string): Prisma.HouseholdWhereInput | null {
  const terms = query
    .trim()
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  return {
    AND: terms.map((term): Prisma.HouseholdWhereInput => {
      // searchText is already lower-case and unaccented (see ./search-text).
      const contains = { contains: normalizeSearchText(term) };
      const or: Prisma.HouseholdWhereInput[] = [
        { searchText: contains },
        { members: { some: { searchText: contains } } },
      ];
      if (/^\d{1,9}$/.test(term)) or.push({ reference: Number(term) });
      return { OR: or };
    }),
  };
}

/**
 * The one household search, for staff: matching households by name, then
 * reference, with their members (responsables first); a blank query lists
 * the newest households.
 */
export async function searchHouseholds({
  query,
  limit = 25,
}: {
  query: string;
  limit?: number;
}): Promise<HouseholdSummaryDto[]> {
  const where = householdSearchWhere(query);
  const db = await getDb();
  const rows = await db.household.findMany({
    where: where ?? undefined,
    orderBy: where ? [{ name: "asc" }, { reference: "asc" }] : [{ createdAt: "desc" }],
    take: limit,
    select: {
      id: true,
      reference: true,
      name: true,
      postalCode: true,
      city: true,
      members: { select: memberSelect },
    },
  });
  return rows.map((row) => ({ ...row, members: sortMembers(row.members.map(toMember)) }));
}

export async function getHousehold(id: string): Promise<HouseholdDto | null> {
  const db = await getDb();
  const row = await db.household.findUnique({
    where: { id },
    select: {
      id: true,
      reference: true,
      name: true,
      address1: true,
      address2: true,
      postalCode: true,
      city: true,
      qf: true,
      qfValidUntil: true,
      regime: true,
      cafNumber: true,
      createdAt: true,
      members: { select: memberSelect },
    },
  });
  if (!row) return null;
  return { ...row, members: sortMembers(row.members.map(toMember)) };
}

export async function countHouseholds(): Promise<number> {
  const db = await getDb();
  return db.household.count();
}

export type HouseholdHistoryEventDto = {
  id: string;
  createdAt: Date;
  actorName: string | null;
  actionLabel: string;
  label: string | null;
  reason: string | null;
};

/**
 * The household's history for its staff page: decisions about the
 * household itself and about its documents, requests and members (which
 * carry the household's id in their details).
 */
export async function listHouseholdHistory(householdId: string, limit = 100): Promise<HouseholdHistoryEventDto[]> {
  const db = await getDb();
  const rows = await db.auditEvent.findMany({
    where: {
      OR: [
        { targetType: "Household", targetId: householdId },
        { details: { path: ["householdId"], equals: householdId } },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { actor: { select: { firstName: true, lastName: true } } },
  });
  return rows.map((row) => {
    const details = (row.details ?? {}) as Record<string, unknown>;
    return {
      id: row.id,
      createdAt: row.createdAt,
      actorName: row.actor ? `${row.actor.firstName} ${row.actor.lastName}` : null,
      actionLabel: auditActionLabel(row.action),
      label: typeof details.label === "string" ? details.label : null,
      reason: typeof details.reason === "string" ? details.reason : null,
    };
  });
}
