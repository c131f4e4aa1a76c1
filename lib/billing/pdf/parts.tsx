import path from "node:path";
import { Font, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatCents } from "@/lib/format";
import type { PdfAuthority, PdfHousehold } from "./types";

// Static .woff files from npm: react-pdf's font loader cannot read variable
// WOFF2. They are read from disk at render time (next.config.ts traces them
// into the deployment).
const font = (weight: number) =>
  path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules/@fontsource/inter/files", `inter-latin-${weight}-normal.woff`);
Font.register({
  family: "Inter",
  fonts: [
    { src: font(400) },
    { src: font(600), fontWeight: 600 },
    { src: font(700), fontWeight: 700 },
  ],
});
Font.registerHyphenationCallback((word) => [word]);

/** react-pdf's Inter has no narrow no-break space: a plain space instead. */
export const euros = (cents: number) => formatCents(cents).replace(/\u202f/g, " ");

export const s = StyleSheet.create({
  page: { fontFamily: "Inter", fontSize: 9.5, padding: 36, color: "#0f172a" },
  row: { flexDirection: "row" },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 24 },
  authority: { width: "55%" },
  strong: { fontWeight: 700 },
  title: { fontSize: 16, fontWeight: 700, color: "#173c93", marginBottom: 4 },
  addressee: { width: "40%", padding: 10, borderWidth: 1, borderColor: "#cbd5e1", borderRadius: 4 },
  meta: { marginBottom: 16 },
});

/** The top of every document: the authority on the left, the household's address block on the right. */
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
        <Text>
          {authority.phone} — {authority.email}
        </Text>
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
