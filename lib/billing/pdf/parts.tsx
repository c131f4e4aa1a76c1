import { Font, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatCents } from "@/lib/format";
import { interTtf } from "./fonts";
import type { PdfAuthority, PdfHousehold } from "./types";
import { authorityIdentityLines } from "./wording";

Font.register({
  family: "Inter",
  fonts: [
    { src: interTtf(400) },
    { src: interTtf(600), fontWeight: 600 },
    { src: interTtf(700), fontWeight: 700 },
  ],
});
Font.registerHyphenationCallback((word) => [word]);

/** Amounts as the portal writes them; the full TTF has the narrow no-break space before "€". */
export const euros = formatCents;

export const s = StyleSheet.create({
  page: { fontFamily: "Inter", fontSize: 9.5, padding: 36, color: "#0f172a" },
  row: { flexDirection: "row" },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 12 },
  authority: { width: "55%" },
  strong: { fontWeight: 700 },
  title: { fontSize: 16, fontWeight: 700, color: "#173c93", marginBottom: 4 },
  addressee: { width: "40%", padding: 10, borderWidth: 1, borderColor: "#cbd5e1", borderRadius: 4 },
  meta: { marginBottom: 12 },
});

/** The top of every document: the authority (with its SIRET and the régie's reference) on the left, the household's address block on the right. */
export function PdfHeader({ authority, household, responsible }: { authority: PdfAuthority; household: PdfHousehold; responsible: string }) {
  return (
    <View style={s.header}>
      <View style={s.authority}>
        <Text style={s.title}>{authority.name}</Text>
        <Text>{authority.address1}</Text>
        {authority.address2 ? <Text>{authority.address2}</Text> : null}
        <Text>
          {authority.postalCode} {authority.city}
        </Text>
        {authorityIdentityLines(authority).map((line) => (
          <Text key={line}>{line}</Text>
        ))}
      </View>
      <View style={s.addressee}>
        <Text style={s.strong}>{responsible}</Text>
        <Text>
          Famille {household.name} (n° {household.reference})
        </Text>
        <Text>{household.address1}</Text>
        {household.address2 ? <Text>{household.address2}</Text> : null}
        <Text>
          {household.postalCode} {household.city}
        </Text>
      </View>
    </View>
  );
}
