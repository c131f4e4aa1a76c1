import type { AuthoritySettingsDto } from "@/lib/settings";
import { ActionLink, EmailLayout, Paragraph, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type ReminderDeadlineEmailProps = {
  settings: AuthoritySettingsDto;
  firstName: string;
  /** "Repas cantine" */
  productName: string;
  /** The week's Monday, as "18 janvier" */
  weekLabel: string;
  /** "jeudi 14 janvier à 10:00", Paris time */
  deadlineLabel: string;
  /** The children who may book that week and have nothing booked yet */
  childNames: string[];
  calendarUrl: string;
  unsubscribeUrl: string;
};

export function reminderDeadlineSubject({ productName, weekLabel, deadlineLabel }: Pick<ReminderDeadlineEmailProps, "productName" | "weekLabel" | "deadlineLabel">) {
  return `Réservations de la semaine du ${weekLabel} (${productName}) : date limite le ${deadlineLabel}`;
}

/** "Emma", "Emma et Lucas", "Emma, Lucas et Léa" */
function namesInText(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} et ${names.at(-1)}`;
}

/** A week's booking deadline is near and some children have nothing booked that week. A reminder: opt-in, unsubscribable. */
export function ReminderDeadlineEmail({
  settings,
  firstName,
  productName,
  weekLabel,
  deadlineLabel,
  childNames,
  calendarUrl,
  unsubscribeUrl,
}: ReminderDeadlineEmailProps) {
  const subject = reminderDeadlineSubject({ productName, weekLabel, deadlineLabel });
  return (
    <EmailLayout settings={settings} preview={subject} unsubscribe={{ url: unsubscribeUrl, kind: "rappels" }}>
      <Paragraph>Bonjour {firstName},</Paragraph>
      <Paragraph>
        Les réservations « {productName} » de la semaine du {weekLabel} ferment le {deadlineLabel}. Aucun jour n&apos;est
        encore réservé cette semaine-là pour {namesInText(childNames)}.
      </Paragraph>
      <Paragraph>Si vous en avez besoin, pensez à réserver et à payer avant cette date limite : passé ce délai, les jours ne pourront plus être réservés en ligne.</Paragraph>
      <ActionLink href={calendarUrl}>Réserver sur le portail</ActionLink>
    </EmailLayout>
  );
}

ReminderDeadlineEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  firstName: "Claire",
  productName: "Repas cantine",
  weekLabel: "18 janvier",
  deadlineLabel: "jeudi 14 janvier à 10:00",
  childNames: ["Emma", "Lucas"],
  calendarUrl: `${PREVIEW_APP_URL}/demandes/reservation/calendrier?mois=2027-01`,
  unsubscribeUrl: `${PREVIEW_APP_URL}/desinscription?u=demo&s=demo&k=rappels`,
} satisfies ReminderDeadlineEmailProps;
