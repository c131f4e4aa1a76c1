import type { AuthoritySettingsDto } from "@/lib/settings";
import { ActionLink, EmailLayout, Paragraph, PREVIEW_APP_URL, PREVIEW_SETTINGS } from "./email-layout";

export type CampaignResultChild = {
  /** The child's first name */
  name: string;
  /** "lundi 15 février 2027" and the centre given */
  given: { day: string; product: string }[];
  /** The days waited for, on the first choice, with the rank (1 = next) */
  waiting: { day: string; product: string; rank: number }[];
};

export type CampaignResultEmailProps = {
  settings: AuthoritySettingsDto;
  campaignLabel: string;
  results: CampaignResultChild[];
  /** "84,00 €", null when nothing was given */
  amount: string | null;
  /** "17/02/2027 10:00", Paris time: after it, the days given are let go */
  payBefore: string | null;
  /** The family's page of the campaign, where it pays */
  url: string;
};

export function campaignResultSubject(campaignLabel: string) {
  return `${campaignLabel} : résultat de votre demande`;
}

/**
 * The allocation's result for one household: per child the days given and
 * the days on the waiting list with their rank, then what to pay and by
 * when. Not a service email one can opt out of: it answers the family's own
 * request and sets a deadline to pay, as a payment's result does.
 */
export function CampaignResultEmail({ settings, campaignLabel, results, amount, payBefore, url }: CampaignResultEmailProps) {
  const subject = campaignResultSubject(campaignLabel);
  return (
    <EmailLayout settings={settings} preview={subject}>
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>Les places de « {campaignLabel} » ont été attribuées. Voici le résultat de votre demande.</Paragraph>
      {results.map((child) => (
        <div key={child.name}>
          <Paragraph>
            <strong>{child.name}</strong>
          </Paragraph>
          {child.given.length ? (
            <Paragraph>
              Places attribuées :
              {child.given.map((g) => (
                <span key={g.day}>
                  <br />- {g.day} : {g.product}
                </span>
              ))}
            </Paragraph>
          ) : null}
          {child.waiting.length ? (
            <Paragraph>
              Liste d&apos;attente :
              {child.waiting.map((w) => (
                <span key={w.day}>
                  <br />- {w.day} : {w.product}, rang {w.rank}
                </span>
              ))}
            </Paragraph>
          ) : null}
        </div>
      ))}
      {amount && payBefore ? (
        <Paragraph>
          Montant : {amount} à payer avant le {payBefore}. Passé ce délai, les places attribuées seront libérées et proposées aux
          familles en liste d&apos;attente.
        </Paragraph>
      ) : (
        <Paragraph>Aucune place n&apos;a pu être attribuée : vous n&apos;avez rien à payer.</Paragraph>
      )}
      {results.some((c) => c.waiting.length) ? (
        <Paragraph>
          Si une place se libère, elle vous sera proposée par e-mail dans l&apos;ordre de la liste d&apos;attente.
        </Paragraph>
      ) : null}
      <ActionLink href={url}>{amount ? "Voir le résultat et payer" : "Voir le résultat"}</ActionLink>
    </EmailLayout>
  );
}

CampaignResultEmail.PreviewProps = {
  settings: PREVIEW_SETTINGS,
  campaignLabel: "Vacances d'hiver 2027",
  results: [
    {
      name: "Emma",
      given: [
        { day: "lundi 15 février 2027", product: "Vacances — Centre des Pins" },
        { day: "mardi 16 février 2027", product: "Vacances — Centre du Lac" },
      ],
      waiting: [{ day: "mercredi 17 février 2027", product: "Vacances — Centre des Pins", rank: 3 }],
    },
  ],
  amount: "24,00 €",
  payBefore: "22/01/2027 10:00",
  url: `${PREVIEW_APP_URL}/demandes/campagnes/demo`,
} satisfies CampaignResultEmailProps;
