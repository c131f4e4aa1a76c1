// PostgreSQL refuses U+0000 in text ("invalid byte sequence"), so a NUL that
// reaches Prisma is a 500. The other C0 controls are never typed by a person;
// tab, line feed and carriage return are, in a textarea.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const ANY_CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]+/g;

/** True when the text holds a NUL or another control character a keyboard does not produce, or half of a surrogate pair. */
export function hasForbiddenCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value) || !value.isWellFormed();
}

/** The text with every control character (line breaks included) turned into a space and lone surrogates replaced. */
export function stripControlCharacters(value: string): string {
  return value.toWellFormed().replace(ANY_CONTROL_CHARACTERS, " ");
}
