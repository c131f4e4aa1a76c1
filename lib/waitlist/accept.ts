import "server-only";
import { recordAudit } from "@/lib/audit";
import { RC } from "@/lib/billing/credit";
import { issueInvoicesInTx } from "@/lib/billing/issue";
import { getDb } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { dateToDay } from "@/lib/dates";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { fileUpdateRefusal, fileUpdateRequiredDays } from "@/lib/file-update/rule";
import { fullDayLabel } from "@/lib/format";
import { offeredUnit } from "./index";

export type AcceptResult = { invoiceId: string; number: number; totalCents: number; alreadyDone: boolean };

/**
 * "Accepter la place": under the slot's lock, the offer (and the siblings
 * offered with it) must still be running; its holds are invoiced as one
 * pending invoice (billing's issueInvoicesInTx, last in the transaction),
 * kept for the campaign's payment delay or the first-come hold, and the
 * entries become ACCEPTED. The family then pays on the pending invoice's
 * page. A second click finds the entry accepted and answers with the same
 * invoice; an offer that ran out is refused, nothing written.
 */
export async function acceptOffer({ actor, householdId, entryId, now = new Date() }: { actor: { id: string }; householdId: string; entryId: string; now?: Date }): Promise<AcceptResult> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const entry = await tx.waitlistEntry.findFirst({ where: { id: entryId, householdId }, select: { slotId: true, groupKey: true } });
    if (!entry) throw new AppError("NOT_FOUND", "Proposition introuvable.");
    await lockRows(tx, "Slot", [entry.slotId]);
    const unit = await offeredUnit(tx, { householdId, slotId: entry.slotId, entryId, groupKey: entry.groupKey });
    if (unit.length === 0) {
      const current = await tx.waitlistEntry.findUniqueOrThrow({
        where: { id: entryId },
        select: { status: true, booking: { select: { invoice: { select: { id: true, number: true, totalCents: true } } } } },
      });
      const invoice = current.booking?.invoice;
      if (current.status === "ACCEPTED" && invoice) return { invoiceId: invoice.id, number: invoice.number, totalCents: invoice.totalCents, alreadyDone: true };
      if (current.status === "EXPIRED") throw new AppError("CONFLICT", "Cette proposition a expiré : la place a été proposée à une autre famille.");
      if (current.status === "DECLINED") throw new AppError("CONFLICT", "Vous avez refusé cette place.");
      throw new AppError("CONFLICT", "Aucune place ne vous est proposée ce jour-là : rechargez la page.");
    }
    if (unit.some((u) => !u.booking || u.booking.status !== "HELD" || u.booking.invoiceId !== null || !u.booking.heldUntil || u.booking.heldUntil <= now)) {
      throw new AppError("CONFLICT", "Cette proposition a expiré : la place a été proposée à une autre famille.");
    }
    const campaignDays = unit.filter((u) => u.campaignRequestDayId);
    let heldUntil = new Date(now.getTime() + env().holdMinutes * 60_000);
    if (campaignDays.length) {
      const day = await tx.campaignRequestDay.findUniqueOrThrow({
        where: { id: campaignDays[0].campaignRequestDayId! },
        select: { request: { select: { campaign: { select: { payWithinDays: true } } } } },
      });
      heldUntil = new Date(now.getTime() + day.request.campaign.payWithinDays * 24 * 3_600_000);
    }
    const household = await tx.household.findUniqueOrThrow({ where: { id: householdId }, select: { qf: true, regime: true } });
    const slot = await tx.slot.findUniqueOrThrow({
      where: { id: entry.slotId },
      select: { date: true, product: { select: { id: true, name: true, service: { select: { name: true } } } } },
    });
    const date = dateToDay(slot.date);
    // Queued before the yearly update opened: the family confirms its file, then accepts within the offer's time.
    const notUpdated = fileUpdateRefusal(await fileUpdateRequiredDays(tx, householdId, [slot.product.id]), slot.product.id, date);
    if (notUpdated) throw new AppError("INVALID", notUpdated);
    const bookingIds = unit.map((u) => u.booking!.id);
    await tx.booking.updateMany({ where: { id: { in: bookingIds } }, data: { heldUntil } });
    await tx.waitlistEntry.updateMany({ where: { id: { in: unit.map((u) => u.id) } }, data: { status: "ACCEPTED", answeredAt: now } });
    for (const u of unit) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "waitlist.accept",
        targetType: "WaitlistEntry",
        targetId: u.id,
        details: { label: `${u.person.firstName} ${u.person.lastName} — ${fullDayLabel(date)} (${slot.product.name})` },
      });
    }
    // Last: billing keeps the invoice counter locked until commit.
    const [issued] = await issueInvoicesInTx(
      tx,
      [
        {
          householdId,
          qf: household.qf,
          regime: household.regime,
          items: unit.map((u) => ({
            bookingId: u.booking!.id,
            personId: u.personId,
            productId: slot.product.id,
            date,
            unitPriceCents: u.booking!.unitPriceCents,
            child: { firstName: u.person.firstName },
            product: { serviceName: slot.product.service.name, name: slot.product.name },
          })),
        },
      ],
      { actorId: actor.id, now },
    );
    return { invoiceId: issued.invoiceId, number: issued.number, totalCents: issued.totalCents, alreadyDone: false };
  }, RC);
}
