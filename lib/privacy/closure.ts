import "server-only";
import { assertActor } from "@/lib/auth/roles";
import { recordAudit, type Actor } from "@/lib/audit";
import { accountSummary } from "@/lib/billing/ledger";
import { getDb } from "@/lib/db/client";
import { dayToDate, parisDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { offerFreedPlacesAfterCommit } from "@/lib/waitlist";
import { deleteStoredBytes, eraseDocumentsInTx, eraseIdentityFilesInTx } from "./files";

/** A parent acting on their own household; the household always comes from the session. */
export type ParentActor = { id: string; householdId: string };

/** What a closed account's names read as, in the staff pages and anywhere an old link leads. */
export const CLOSED_ACCOUNT_NAME = "Compte fermé";

export type ClosureStatus = { requestedAt: Date | null; closedAt: Date | null };

export async function getClosureStatus(householdId: string): Promise<ClosureStatus> {
  const db = await getDb();
  const row = await db.household.findUnique({ where: { id: householdId }, select: { closureRequestedAt: true, closedAt: true } });
  if (!row) throw new AppError("NOT_FOUND", "Famille introuvable.");
  return { requestedAt: row.closureRequestedAt, closedAt: row.closedAt };
}

/** "Demander la fermeture de mon compte": staff confirm it later; asking twice changes nothing. */
export async function requestClosure({ actor, now = new Date() }: { actor: ParentActor; now?: Date }): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const updated = await tx.household.updateMany({
      where: { id: actor.householdId, closedAt: null, closureRequestedAt: null },
      data: { closureRequestedAt: now, closureRequestedById: actor.id },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "La fermeture de votre compte est déjà demandée.");
    const household = await tx.household.findUniqueOrThrow({ where: { id: actor.householdId }, select: { name: true } });
    await recordAudit(tx, { actorId: actor.id, action: "household.closure_request", targetType: "Household", targetId: actor.householdId, details: { label: household.name } });
  });
}

/** "Annuler la demande", while staff have not confirmed it. */
export async function cancelClosure({ actor }: { actor: ParentActor }): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const updated = await tx.household.updateMany({
      where: { id: actor.householdId, closedAt: null, closureRequestedAt: { not: null } },
      data: { closureRequestedAt: null, closureRequestedById: null },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "Aucune demande de fermeture n'est en cours.");
    const household = await tx.household.findUniqueOrThrow({ where: { id: actor.householdId }, select: { name: true } });
    await recordAudit(tx, { actorId: actor.id, action: "household.closure_cancel", targetType: "Household", targetId: actor.householdId, details: { label: household.name } });
  });
}

export type ClosureToConfirmDto = { householdId: string; reference: number; name: string; requestedAt: Date; balanceCents: number; dueCents: number; creditCents: number };

export async function listClosuresToConfirm(): Promise<ClosureToConfirmDto[]> {
  const db = await getDb();
  const rows = await db.household.findMany({
    where: { closureRequestedAt: { not: null }, closedAt: null },
    orderBy: { closureRequestedAt: "asc" },
    select: { id: true, reference: true, name: true, closureRequestedAt: true },
  });
  return Promise.all(
    rows.map(async (row) => ({
      householdId: row.id,
      reference: row.reference,
      name: row.name,
      requestedAt: row.closureRequestedAt!,
      ...(await accountSummary(db, row.id)),
    })),
  );
}

/** The name of a household whose account is closed, for the staff's confirmation message. */
export async function closedHouseholdName(householdId: string): Promise<string | null> {
  const db = await getDb();
  const row = await db.household.findFirst({ where: { id: householdId, closedAt: { not: null } }, select: { name: true } });
  return row?.name ?? null;
}

/** For the staff navigation's badge. */
export async function countClosuresToConfirm(): Promise<number> {
  const db = await getDb();
  return db.household.count({ where: { closureRequestedAt: { not: null }, closedAt: null } });
}

export type ClosureReport = { accounts: number; documents: number; cancelledBookings: number };

/**
 * "Confirmer la fermeture": in one transaction, everything personal the
 * portal holds on the household goes, except what accounting law needs to
 * keep an invoice reproducible (invoices, payments, credit notes, refunds,
 * the ledger, the bookings they bill, absences that justify a credit note,
 * tax certificates already issued) together with the names and address
 * those documents print. Persons are kept with their first and last names
 * (invoice lines and the invoice's addressee are read from them, and an
 * initial would make a copy differ from the original) but lose birth
 * date, contacts and class; the household loses its QF and CAF number but
 * keeps its name and address until the retention job anonymises them once
 * the accounting period has run out. Payments lose the payer's e-mail
 * (unless still pending at PayFiP). A second confirmation is refused.
 */
export async function confirmClosure({ actor, householdId, now = new Date() }: { actor: Actor; householdId: string; now?: Date }): Promise<ClosureReport> {
  assertActor(actor, "staff");
  const db = await getDb();
  let freedSlots: string[] = [];
  const { report, files } = await db.$transaction(async (tx) => {
    const closed = await tx.household.updateMany({
      where: { id: householdId, closedAt: null, closureRequestedAt: { not: null } },
      data: {
        closedAt: now,
        closedById: actor.id,
        qf: null,
        qfValidUntil: null,
        regime: null,
        cafNumber: null,
        workingParents: false,
        workingParentsConfirmedAt: null,
        workingParentsConfirmedById: null,
      },
    });
    if (closed.count !== 1) {
      const exists = await tx.household.findUnique({ where: { id: householdId }, select: { closedAt: true } });
      if (!exists) throw new AppError("NOT_FOUND", "Famille introuvable.");
      throw new AppError("CONFLICT", exists.closedAt ? "Ce compte est déjà fermé." : "Cette famille n'a pas demandé la fermeture de son compte.");
    }
    const household = await tx.household.findUniqueOrThrow({ where: { id: householdId }, select: { name: true } });
    const persons = await tx.person.findMany({ where: { householdId }, select: { id: true } });
    const personIds = persons.map((p) => p.id);
    const users = await tx.user.findMany({ where: { personId: { in: personIds }, role: "PARENT" }, select: { id: true, email: true } });
    const userIds = users.map((u) => u.id);

    // Accounts: no way back in, nothing to write to, nothing that names them.
    const identityFiles = await eraseIdentityFilesInTx(tx, userIds);
    await tx.emailMessage.deleteMany({ where: { to: { in: users.map((u) => u.email) } } });
    await tx.password.deleteMany({ where: { userId: { in: userIds } } });
    await tx.token.deleteMany({ where: { userId: { in: userIds } } });
    await tx.reminderSent.deleteMany({ where: { userId: { in: userIds } } });
    for (const user of users) {
      await tx.user.update({
        where: { id: user.id },
        data: {
          status: "DISABLED",
          sessionVersion: { increment: 1 },
          email: `compte-ferme-${user.id}@invalid.invalid`,
          firstName: CLOSED_ACCOUNT_NAME,
          lastName: CLOSED_ACCOUNT_NAME,
          civility: null,
          birthDate: null,
          phone: null,
          mobile: null,
          rejectionReason: null,
          personId: null,
          serviceEmailsOptOut: true,
          remindersOptIn: false,
        },
      });
    }

    // The family file.
    await tx.healthFile.deleteMany({ where: { personId: { in: personIds } } });
    await tx.pickupPerson.deleteMany({ where: { personId: { in: personIds } } });
    await tx.consent.deleteMany({ where: { personId: { in: personIds } } });
    await tx.weekPattern.deleteMany({ where: { personId: { in: personIds } } });
    await tx.calendarFeed.deleteMany({ where: { householdId } });
    await tx.waitlistEntry.deleteMany({ where: { householdId } });
    await tx.campaignRequest.deleteMany({ where: { householdId, campaign: { allocatedAt: null } } });
    await tx.fileUpdateConfirmation.deleteMany({ where: { householdId } });
    const documents = await eraseDocumentsInTx(tx, { householdId });
    await tx.request.deleteMany({ where: { householdId } });
    await tx.absence.updateMany({ where: { householdId }, data: { comment: null } });
    // The payer's address is no accounting record; a payment still pending keeps it to tell its outcome.
    await tx.payment.updateMany({ where: { householdId, status: { not: "PENDING" } }, data: { payerEmail: null } });
    await tx.person.updateMany({
      where: { householdId },
      data: { birthDate: null, phone: null, mobile: null, email: null, schoolClassId: null },
    });

    // Days still to come that nobody was billed for.
    const todayDay = parisDay(now);
    const today = dayToDate(todayDay);
    const unbilled = { householdId, invoiceId: null, status: { in: ["HELD" as const, "CONFIRMED" as const] }, slot: { date: { gte: today } } };
    const freed = await tx.booking.findMany({ where: unbilled, select: { slotId: true }, distinct: ["slotId"] });
    const cancelled = await tx.booking.updateMany({ where: unbilled, data: { status: "CANCELLED", heldUntil: null, cancelledAt: now } });
    freedSlots = freed.map((b) => b.slotId);

    const report: ClosureReport = { accounts: users.length, documents: documents.count, cancelledBookings: cancelled.count };
    await recordAudit(tx, {
      actorId: actor.id,
      action: "household.close",
      targetType: "Household",
      targetId: householdId,
      details: { label: household.name, accounts: report.accounts, documents: report.documents, cancelledBookings: report.cancelledBookings, closedOn: todayDay },
    });
    return { report, files: [...identityFiles, ...documents.files] };
  });
  await deleteStoredBytes(files);
  // The places the family gave up go to the waiting lists, as when it cancels days itself.
  await offerFreedPlacesAfterCommit(freedSlots, now);
  return report;
}
