import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit";
import { assertActor } from "@/lib/auth/roles";
import { csvText } from "@/lib/csv";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { addDays, dateToDay, dayToDate, isDay, parisDay, parseDay, makeDay, type Day } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { childFileGaps, type ChildFileGaps } from "@/lib/family-file/gaps";
import { formatDay } from "@/lib/format";
import { Prisma, type Quality } from "@/lib/generated/prisma/client";

export { fileUpdateRefusal, fileUpdateRequiredDays, openFileUpdateCampaigns, type FileUpdateRule } from "./rule";

// The yearly "mise à jour du dossier": staff open a campaign, each household
// checks its file, re-sends the documents that expired and confirms.

const DaySchema = (missing: string) =>
  z.string({ error: missing }).trim().min(1, { error: missing, abort: true }).refine(isDay, "Date invalide (jj/mm/aaaa).");

export const FileUpdateCampaignSchema = z.object({
  label: z.string({ error: "Indiquez le libellé." }).trim().min(2, "Indiquez le libellé.").max(120, "Le libellé ne peut pas dépasser 120 caractères."),
  schoolYearStart: DaySchema("Indiquez le début de l'année scolaire."),
  deadline: DaySchema("Indiquez la date limite."),
  message: z
    .string()
    .trim()
    .max(2000, "Le message ne peut pas dépasser 2 000 caractères.")
    .optional()
    .transform((v) => v || null),
});

export type FileUpdateCampaignInput = z.output<typeof FileUpdateCampaignSchema>;

/** A Day `months` months later, on the same date or the month's last one (31 January + 1 month = 28/29 February). */
export function addMonthsToDay(day: Day, months: number): Day {
  const { year, month, date } = parseDay(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return makeDay(y, m, Math.min(date, last));
}

/**
 * The dates only make sense relative to today: a deadline families can still
 * meet, and a school year that starts within the coming year and a half (or
 * began at most a year ago, for a campaign opened late).
 */
function checkDates(input: FileUpdateCampaignInput, now: Date) {
  const today = parisDay(now);
  const errors: Record<string, string> = {};
  if (input.deadline <= today) errors.deadline = "La date limite doit être postérieure à aujourd'hui.";
  else if (input.deadline > addMonthsToDay(today, 18)) errors.deadline = "La date limite doit tomber dans les 18 prochains mois.";
  if (input.schoolYearStart < addMonthsToDay(today, -12) || input.schoolYearStart > addMonthsToDay(today, 18)) {
    errors.schoolYearStart = "Le début de l'année scolaire doit tomber entre il y a un an et dans 18 mois.";
  }
  const first = Object.values(errors)[0];
  if (first) throw new AppError("INVALID", first, errors);
}

export async function createFileUpdateCampaign({ actor, input, now = new Date() }: { actor: Actor; input: FileUpdateCampaignInput; now?: Date }) {
  assertActor(actor, "staff");
  checkDates(input, now);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const campaign = await tx.fileUpdateCampaign.create({
      data: {
        label: input.label,
        schoolYearStart: dayToDate(input.schoolYearStart),
        deadline: dayToDate(input.deadline),
        message: input.message,
        createdById: actor.id,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "file_update.save",
      targetType: "FileUpdateCampaign",
      targetId: campaign.id,
      details: { label: input.label, schoolYearStart: input.schoolYearStart, deadline: input.deadline },
    });
    return campaign;
  });
}

/** Closing a campaign ends it for families and lifts its booking rule. */
export async function closeFileUpdateCampaign({ actor, campaignId, now = new Date() }: { actor: Actor; campaignId: string; now?: Date }) {
  assertActor(actor, "staff");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const closed = await tx.fileUpdateCampaign.updateMany({ where: { id: campaignId, closedAt: null }, data: { closedAt: now } });
    if (closed.count === 0) {
      if (!(await tx.fileUpdateCampaign.findUnique({ where: { id: campaignId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "Campagne introuvable.");
      return;
    }
    const { label } = await tx.fileUpdateCampaign.findUniqueOrThrow({ where: { id: campaignId }, select: { label: true } });
    await recordAudit(tx, { actorId: actor.id, action: "file_update.save", targetType: "FileUpdateCampaign", targetId: campaignId, details: { label, change: "clôture" } });
  });
}

/** The households a campaign asks: not closed, with at least one child (the file is the children's). */
const concernedHouseholds = { closedAt: null, members: { some: { quality: "ENFANT" as Quality } } } satisfies Prisma.HouseholdWhereInput;

export type FileUpdateCampaignSummaryDto = {
  id: string;
  label: string;
  schoolYearStart: Day;
  deadline: Day;
  closedAt: Date | null;
  confirmed: number;
  total: number;
};

const campaignSummarySelect = { id: true, label: true, schoolYearStart: true, deadline: true, closedAt: true } satisfies Prisma.FileUpdateCampaignSelect;

function toCampaignSummary(
  c: Prisma.FileUpdateCampaignGetPayload<{ select: typeof campaignSummarySelect }>,
  confirmed: number,
  total: number,
): FileUpdateCampaignSummaryDto {
  return { id: c.id, label: c.label, schoolYearStart: dateToDay(c.schoolYearStart), deadline: dateToDay(c.deadline), closedAt: c.closedAt, confirmed, total };
}

/** "<n> familles ont confirmé sur <m>" ("1 famille a confirmé sur <m>"). */
export function progressLabel(confirmed: number, total: number): string {
  return `${confirmed} ${confirmed > 1 ? "familles ont" : "famille a"} confirmé sur ${total}`;
}

/** Every campaign, newest school year first, with "<n> familles ont confirmé sur <m>". */
export async function listFileUpdateCampaigns(): Promise<FileUpdateCampaignSummaryDto[]> {
  const db = await getDb();
  const [campaigns, total] = await Promise.all([
    db.fileUpdateCampaign.findMany({
      orderBy: [{ schoolYearStart: "desc" }, { createdAt: "desc" }],
      select: { ...campaignSummarySelect, _count: { select: { confirmations: { where: { household: concernedHouseholds } } } } },
    }),
    db.household.count({ where: concernedHouseholds }),
  ]);
  return campaigns.map((c) => toCampaignSummary(c, c._count.confirmations, total));
}

export type FileUpdateCampaignDto = FileUpdateCampaignSummaryDto & {
  message: string | null;
  confirmations: { householdId: string; name: string; reference: number; confirmedAt: Date; byName: string | null }[];
  pending: { householdId: string; name: string; reference: number; address: string; postalCode: string; city: string; emails: string[] }[];
};

/** One campaign for staff: who confirmed (when, by whom) and who has not yet; null when unknown. */
export async function getFileUpdateCampaign(id: string): Promise<FileUpdateCampaignDto | null> {
  const db = await getDb();
  const campaign = await db.fileUpdateCampaign.findUnique({
    where: { id },
    select: {
      ...campaignSummarySelect,
      message: true,
      confirmations: {
        orderBy: { confirmedAt: "asc" },
        select: { householdId: true, confirmedAt: true, confirmedById: true, household: { select: { name: true, reference: true } } },
      },
    },
  });
  if (!campaign) return null;
  const confirmedIds = campaign.confirmations.map((c) => c.householdId);
  const [pending, total, confirmers] = await Promise.all([
    db.household.findMany({
      where: { ...concernedHouseholds, id: { notIn: confirmedIds } },
      orderBy: [{ name: "asc" }, { reference: "asc" }],
      select: {
        id: true,
        name: true,
        reference: true,
        address1: true,
        address2: true,
        postalCode: true,
        city: true,
        members: { where: { quality: { in: ["RESPONSABLE", "CONJOINT"] }, email: { not: null } }, select: { email: true } },
      },
    }),
    db.household.count({ where: concernedHouseholds }),
    db.user.findMany({
      where: { id: { in: campaign.confirmations.flatMap((c) => (c.confirmedById ? [c.confirmedById] : [])) } },
      select: { id: true, firstName: true, lastName: true },
    }),
  ]);
  const nameOf = new Map(confirmers.map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
  return {
    ...toCampaignSummary(campaign, campaign.confirmations.length, total),
    message: campaign.message,
    confirmations: campaign.confirmations.map((c) => ({
      householdId: c.householdId,
      name: c.household.name,
      reference: c.household.reference,
      confirmedAt: c.confirmedAt,
      byName: c.confirmedById ? (nameOf.get(c.confirmedById) ?? null) : null,
    })),
    pending: pending.map((h) => ({
      householdId: h.id,
      name: h.name,
      reference: h.reference,
      address: [h.address1, h.address2].filter(Boolean).join(", "),
      postalCode: h.postalCode,
      city: h.city,
      emails: h.members.flatMap((m) => (m.email ? [m.email] : [])),
    })),
  };
}

/** "Familles n'ayant pas confirmé" as CSV, for a mailing or a phone round. */
export function pendingHouseholdsCsv(campaign: FileUpdateCampaignDto): string {
  return csvText([
    ["N° famille", "Famille", "Adresse", "Code postal", "Ville", "Email"],
    ...campaign.pending.map((h) => [h.reference, h.name, h.address, h.postalCode, h.city, h.emails.join(", ")]),
  ]);
}

export type ExpiredDocumentDto = {
  id: string;
  typeLabel: string;
  personId: string | null;
  personName: string | null;
  /** The first day the document no longer counts. */
  expiredOn: Day;
};

/**
 * The household's documents to send again: for each person and type, the
 * latest version still standing (not replaced, deleted or refused) when it
 * is validated and its type's validity ran out, counted from the day staff
 * validated it. A newer version waiting for review counts as re-sent.
 */
export async function expiredDocuments(db: Db | Tx, householdId: string, now = new Date()): Promise<ExpiredDocumentDto[]> {
  const today = parisDay(now);
  const documents = await db.document.findMany({
    where: { householdId, deletedAt: null, replacedAt: null, status: { in: ["VALIDATED", "PENDING"] } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      typeId: true,
      personId: true,
      status: true,
      reviewedAt: true,
      createdAt: true,
      type: { select: { label: true, validityMonths: true } },
      person: { select: { firstName: true, lastName: true } },
    },
  });
  const seen = new Set<string>();
  const out: ExpiredDocumentDto[] = [];
  for (const d of documents) {
    const key = `${d.personId ?? ""}|${d.typeId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (d.status !== "VALIDATED" || d.type.validityMonths == null) continue;
    const expiredOn = addMonthsToDay(parisDay(d.reviewedAt ?? d.createdAt), d.type.validityMonths);
    if (expiredOn > today) continue;
    out.push({
      id: d.id,
      typeLabel: d.type.label,
      personId: d.personId,
      personName: d.person ? `${d.person.firstName} ${d.person.lastName}` : null,
      expiredOn,
    });
  }
  return out.sort((a, b) => (a.personName ?? "").localeCompare(b.personName ?? "") || a.typeLabel.localeCompare(b.typeLabel));
}

type OpenCampaign = { id: string; label: string; schoolYearStart: Day; deadline: Day; message: string | null };

/**
 * The campaign families answer now: the open one staff opened last (its
 * label and message are the current ones). Confirming answers every open
 * campaign at once, as they all ask about the same file.
 */
async function openCampaign(db: Db | Tx): Promise<OpenCampaign | null> {
  const c = await db.fileUpdateCampaign.findFirst({
    where: { closedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, label: true, schoolYearStart: true, deadline: true, message: true },
  });
  return c ? { ...c, schoolYearStart: dateToDay(c.schoolYearStart), deadline: dateToDay(c.deadline) } : null;
}

export type FamilyFileUpdateDto = {
  campaign: OpenCampaign;
  confirmedAt: Date | null;
  /** The services whose days from the school year's start wait for the confirmation. */
  requiringServices: string[];
  household: {
    name: string;
    address: string;
    postalCode: string;
    city: string;
    qf: number | null;
    qfValidUntil: Day | null;
    members: { id: string; firstName: string; lastName: string; quality: Quality }[];
  };
  children: ChildFileGaps[];
  expiredDocuments: ExpiredDocumentDto[];
};

/** What the parent's page shows; null when no campaign is open. Scoped by the parent's household. */
export async function getFamilyFileUpdate({ householdId, now = new Date() }: { householdId: string; now?: Date }): Promise<FamilyFileUpdateDto | null> {
  const db = await getDb();
  const campaign = await openCampaign(db);
  if (!campaign) return null;
  const [household, confirmation, children, expired, services] = await Promise.all([
    db.household.findUniqueOrThrow({
      where: { id: householdId },
      select: {
        name: true,
        address1: true,
        address2: true,
        postalCode: true,
        city: true,
        qf: true,
        qfValidUntil: true,
        members: { orderBy: [{ quality: "asc" }, { birthDate: "asc" }, { firstName: "asc" }], select: { id: true, firstName: true, lastName: true, quality: true } },
      },
    }),
    db.fileUpdateConfirmation.findUnique({ where: { campaignId_householdId: { campaignId: campaign.id, householdId } }, select: { confirmedAt: true } }),
    childFileGaps(db, householdId, now),
    expiredDocuments(db, householdId, now),
    db.service.findMany({ where: { requiresFileUpdate: true, active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { name: true } }),
  ]);
  return {
    campaign,
    confirmedAt: confirmation?.confirmedAt ?? null,
    requiringServices: services.map((s) => s.name),
    household: {
      name: household.name,
      address: [household.address1, household.address2].filter(Boolean).join(", "),
      postalCode: household.postalCode,
      city: household.city,
      qf: household.qf,
      qfValidUntil: household.qfValidUntil ? dateToDay(household.qfValidUntil) : null,
      members: household.members,
    },
    children,
    expiredDocuments: expired,
  };
}

/** What still stands in the way, as the error summary lists it: keys name the page's sections. */
export function missingItems(children: ChildFileGaps[], expired: ExpiredDocumentDto[]): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const child of children) {
    child.gaps.forEach((gap, i) => {
      missing[`child-${child.personId}-${i}`] = `${child.firstName} : ${gap}`;
    });
  }
  for (const d of expired) {
    missing[`document-${d.id}`] = `${d.typeLabel}${d.personName ? ` (${d.personName})` : ""} : à renvoyer, expiré depuis le ${formatDay(d.expiredOn)}`;
  }
  return missing;
}

/**
 * "Je confirme mon dossier": refused, with everything missing, while a
 * child's file has gaps or a document expired; a second click (or a second
 * parent) finds the confirmation already there and changes nothing. The
 * confirmation answers every open campaign the household had not answered:
 * the file is one, and each campaign's booking rule asks about it.
 */
export async function confirmFileUpdate({
  actor,
  householdId,
  campaignId,
  now = new Date(),
}: {
  actor: { id: string };
  householdId: string;
  campaignId: string;
  now?: Date;
}): Promise<{ confirmedAt: Date; already: boolean }> {
  const db = await getDb();
  const run = () =>
    db.$transaction(async (tx) => {
      const campaign = await tx.fileUpdateCampaign.findFirst({ where: { id: campaignId, closedAt: null }, select: { id: true, label: true } });
      if (!campaign) throw new AppError("NOT_FOUND", "Cette mise à jour du dossier n'est plus ouverte.");
      const existing = await tx.fileUpdateConfirmation.findUnique({
        where: { campaignId_householdId: { campaignId, householdId } },
        select: { confirmedAt: true },
      });
      if (existing) return { confirmedAt: existing.confirmedAt, already: true };
      const missing = missingItems(await childFileGaps(tx, householdId, now), await expiredDocuments(tx, householdId, now));
      const count = Object.keys(missing).length;
      if (count > 0) {
        throw new AppError(
          "INVALID",
          count === 1 ? "Un élément manque encore à votre dossier :" : `${count} éléments manquent encore à votre dossier :`,
          missing,
        );
      }
      // The shown campaign first: its unique index is what makes a twin click lose.
      const confirmation = await tx.fileUpdateConfirmation.create({ data: { campaignId, householdId, confirmedById: actor.id, confirmedAt: now } });
      const others = await tx.fileUpdateCampaign.findMany({
        where: { closedAt: null, id: { not: campaignId }, confirmations: { none: { householdId } } },
        select: { id: true },
      });
      if (others.length > 0) {
        await tx.fileUpdateConfirmation.createMany({
          data: others.map((o) => ({ campaignId: o.id, householdId, confirmedById: actor.id, confirmedAt: now })),
          skipDuplicates: true,
        });
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: "file_update.confirm",
        targetType: "Household",
        targetId: householdId,
        details: { label: campaign.label, householdId, campaignIds: [campaignId, ...others.map((o) => o.id)] },
      });
      return { confirmedAt: confirmation.confirmedAt, already: false };
    });
  try {
    return await run();
  } catch (error) {
    // Two clicks that both found no confirmation: the unique index let one through, the other reads it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return run();
    throw error;
  }
}

/** The first school day of September after today: the form's suggestion. */
export function suggestedSchoolYearStart(now = new Date()): Day {
  const today = parisDay(now);
  const { year, month } = parseDay(today);
  return makeDay(month >= 9 ? year + 1 : year, 9, 1);
}

/** A deadline a month from now, the form's suggestion. */
export function suggestedDeadline(now = new Date()): Day {
  return addDays(parisDay(now), 30);
}
