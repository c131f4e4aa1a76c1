import "server-only";
import type { ReactElement } from "react";
import { z } from "zod";
import { weekDeadlines, weekStartLabel } from "@/lib/calendar-feed/weeks";
import { ineligibility } from "@/lib/catalogue/rules";
import { addDays, dateToDay, dayToDate, parisDay, parisTime } from "@/lib/dates";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { formatCents, longDayLabel } from "@/lib/format";
import { queueEmail } from "@/lib/mail";
import { ReminderDeadlineEmail, ReminderHoldEmail, reminderDeadlineSubject, reminderHoldSubject } from "@/lib/mail/templates";
import { unsubscribeUrl } from "@/lib/mail/unsubscribe";
import { getSettings } from "@/lib/settings";

/** A week's deadline is announced when it falls within this much of the run. */
export const DEADLINE_NOTICE_MS = 48 * 60 * 60_000;
/** A pending invoice is announced when its hold ends within this much of the run. */
export const HOLD_NOTICE_MS = 5 * 60_000;
/** Open days looked at for deadlines: enough for any product's notice period plus a week. */
const DAYS_AHEAD = 40;

export const RemindersOptInSchema = z.object({
  // An unticked checkbox sends nothing at all.
  remindersOptIn: z.literal("on").optional(),
});

/** The Mon Espace box. Reminders are opt-in, so nothing is sent until a parent ticks it. */
export async function setRemindersOptIn({ userId, optIn }: { userId: string; optIn: boolean }) {
  const db = await getDb();
  await db.user.update({ where: { id: userId }, data: { remindersOptIn: optIn }, select: { id: true } });
}

export async function getRemindersOptIn({ userId }: { userId: string }): Promise<boolean> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { remindersOptIn: true } });
  return user?.remindersOptIn ?? false;
}

type Recipient = { id: string; email: string; firstName: string };
type Reminder = { recipient: Recipient; key: string; subject: string; template: string; element: ReactElement };

/**
 * Each reminder is sent once: the ReminderSent row and the queued message
 * are written in one transaction, and the row's unique (user, key) makes a
 * second run, even one racing this one, insert nothing and so queue nothing.
 */
async function queueOnce(reminders: Reminder[], now: Date): Promise<number> {
  if (reminders.length === 0) return 0;
  const db = await getDb();
  const already = await db.reminderSent.findMany({
    where: { OR: reminders.map((r) => ({ userId: r.recipient.id, key: r.key })) },
    select: { userId: true, key: true },
  });
  const sent = new Set(already.map((r) => `${r.userId} ${r.key}`));
  let queued = 0;
  for (const reminder of reminders) {
    if (sent.has(`${reminder.recipient.id} ${reminder.key}`)) continue;
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.reminderSent.createMany({
        data: [{ userId: reminder.recipient.id, key: reminder.key, sentAt: now }],
        skipDuplicates: true,
      });
      if (count === 0) return false;
      await queueEmail(tx, { to: reminder.recipient.email, subject: reminder.subject, template: reminder.template, element: reminder.element }, now);
      return true;
    });
    if (done) queued += 1;
  }
  return queued;
}

/** The opted-in parents able to receive mail, by household. */
async function optedInParents(): Promise<Map<string, Recipient[]>> {
  const db = await getDb();
  const users = await db.user.findMany({
    where: { status: "ACTIVE", role: "PARENT", remindersOptIn: true, person: { isNot: null } },
    select: { id: true, email: true, firstName: true, person: { select: { householdId: true } } },
    orderBy: { createdAt: "asc" },
  });
  const byHousehold = new Map<string, Recipient[]>();
  for (const { person, ...recipient } of users) {
    if (!person) continue;
    byHousehold.set(person.householdId, [...(byHousehold.get(person.householdId) ?? []), recipient]);
  }
  return byHousehold;
}

const deadlineLabel = (deadline: Date) => `${longDayLabel(parisDay(deadline))} à ${parisTime(deadline)}`;

/**
 * "Date limite de réservation": for each product and week whose deadline
 * falls within the next 48 hours, each opted-in parent of a household with a
 * child who may book that week and has nothing booked in it (paid, absent,
 * or held and still running) gets one email, naming those children.
 */
export async function queueDeadlineReminders(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const today = parisDay(now);
  const products = await db.product.findMany({
    where: { active: true, service: { active: true } },
    select: {
      id: true,
      name: true,
      deadlineDays: true,
      deadlineTime: true,
      minAgeYears: true,
      maxAgeYears: true,
      sites: { select: { id: true } },
      classes: { select: { id: true } },
      slots: {
        where: { closed: false, date: { gte: dayToDate(today), lte: dayToDate(addDays(today, DAYS_AHEAD)) } },
        select: { date: true },
        orderBy: { date: "asc" },
      },
    },
  });
  const due = products.flatMap((product) =>
    weekDeadlines(product, product.slots.map((s) => dateToDay(s.date)))
      .filter((week) => week.deadline.getTime() > now.getTime() && week.deadline.getTime() - now.getTime() <= DEADLINE_NOTICE_MS)
      .map((week) => ({ product, week })),
  );
  if (due.length === 0) return 0;

  const parents = await optedInParents();
  if (parents.size === 0) return 0;
  const children = await db.person.findMany({
    where: { householdId: { in: [...parents.keys()] }, quality: "ENFANT" },
    select: { id: true, firstName: true, householdId: true, birthDate: true, schoolClassId: true, schoolClass: { select: { siteId: true } } },
    orderBy: [{ birthDate: "asc" }, { firstName: "asc" }],
  });
  const settings = await getSettings();
  const { appUrl } = env();

  const reminders: Reminder[] = [];
  for (const { product, week } of due) {
    const rule = { ...product, siteIds: product.sites.map((s) => s.id), classIds: product.classes.map((c) => c.id) };
    const eligible = children.filter((child) =>
      week.days.some((day) => !ineligibility(rule, { birthDate: child.birthDate, schoolClassId: child.schoolClassId, siteId: child.schoolClass?.siteId ?? null }, day)),
    );
    if (eligible.length === 0) continue;
    const booked = await db.booking.findMany({
      where: {
        personId: { in: eligible.map((c) => c.id) },
        slot: { productId: product.id, date: { gte: dayToDate(week.weekStart), lte: dayToDate(addDays(week.weekStart, 6)) } },
        OR: [{ status: { in: ["CONFIRMED", "ABSENT"] } }, { status: "HELD", heldUntil: { gt: now } }],
      },
      select: { personId: true },
    });
    const bookedIds = new Set(booked.map((b) => b.personId));
    const waiting = new Map<string, string[]>();
    for (const child of eligible) {
      if (bookedIds.has(child.id)) continue;
      waiting.set(child.householdId, [...(waiting.get(child.householdId) ?? []), child.firstName]);
    }
    const props = { productName: product.name, weekLabel: weekStartLabel(week.weekStart), deadlineLabel: deadlineLabel(week.deadline) };
    const calendarUrl = `${appUrl}/demandes/reservation/calendrier?mois=${week.firstDay.slice(0, 7)}`;
    for (const [householdId, names] of waiting) {
      for (const recipient of parents.get(householdId) ?? []) {
        reminders.push({
          recipient,
          key: `deadline:${product.id}:${week.weekStart}`,
          subject: reminderDeadlineSubject(props),
          template: "reminder-deadline",
          element: ReminderDeadlineEmail({
            settings,
            firstName: recipient.firstName,
            ...props,
            childNames: names,
            calendarUrl,
            unsubscribeUrl: unsubscribeUrl(recipient.id, "rappels"),
          }),
        });
      }
    }
  }
  return queueOnce(reminders, now);
}

/**
 * "Réservation en attente de paiement": a pending invoice whose places are
 * let go within five minutes (and not yet) is announced once to the
 * household's opted-in parents, with the link to pay it.
 */
export async function queueHoldReminders(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const invoices = await db.invoice.findMany({
    where: {
      status: "PENDING_PAYMENT",
      bookings: { some: { status: "HELD", heldUntil: { gt: now, lte: new Date(now.getTime() + HOLD_NOTICE_MS) } } },
    },
    select: {
      id: true,
      number: true,
      householdId: true,
      totalCents: true,
      bookings: { where: { status: "HELD" }, select: { heldUntil: true }, orderBy: { heldUntil: "asc" }, take: 1 },
    },
  });
  if (invoices.length === 0) return 0;
  const parents = await optedInParents();
  const settings = await getSettings();
  const { appUrl } = env();
  const reminders: Reminder[] = [];
  for (const invoice of invoices) {
    const heldUntil = invoice.bookings[0]?.heldUntil;
    if (!heldUntil) continue;
    const props = { invoiceNumber: invoice.number, heldUntil: parisTime(heldUntil) };
    for (const recipient of parents.get(invoice.householdId) ?? []) {
      reminders.push({
        recipient,
        key: `hold:${invoice.id}`,
        subject: reminderHoldSubject(props),
        template: "reminder-hold",
        element: ReminderHoldEmail({
          settings,
          firstName: recipient.firstName,
          ...props,
          amount: formatCents(invoice.totalCents),
          payUrl: `${appUrl}/demandes/reservation/attente/${invoice.id}`,
          unsubscribeUrl: unsubscribeUrl(recipient.id, "rappels"),
        }),
      });
    }
  }
  return queueOnce(reminders, now);
}

/** The maintenance task: every reminder due now, queued for the "emails" task that follows it. */
export async function queueDueReminders(now: Date = new Date()): Promise<number> {
  return (await queueDeadlineReminders(now)) + (await queueHoldReminders(now));
}
