// Outbox timestamps are UTC; developers read them in the authority's time zone.
const date = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short" });
const time = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", timeStyle: "medium" });

export function formatSentAt(iso: string): string {
  return `${formatDate(iso)} ${formatTime(iso)}`;
}

export const formatDate = (iso: string) => date.format(new Date(iso));
export const formatTime = (iso: string) => time.format(new Date(iso));
