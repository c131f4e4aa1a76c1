/**
 * The From header: the authority's name as display name, the address from
 * MAIL_FROM (a bare address or "Name <address>", whose name is replaced).
 * The name is always an RFC 5322 quoted-string (backslash before `\` and
 * `"`), so a comma or a quote in "Syndicat intercommunal, Val « Fleuri »"
 * never splits it into two mailboxes; line breaks and control characters
 * are dropped, so a setting can never add a header. Non-ASCII letters stay
 * as they are (RFC 6532): Resend's API takes the sender as text and writes
 * the MIME header itself.
 */
export function fromHeader(displayName: string, mailFrom: string): string {
  const address = /<([^<>]+)>\s*$/.exec(mailFrom)?.[1]?.trim() ?? mailFrom.trim();
  const printable = [...displayName].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? " " : c)).join("");
  const name = printable.replace(/\s+/g, " ").trim();
  if (!name) return address;
  return `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}" <${address}>`;
}
