import path from "node:path";
import { Document, Font, Image as PdfImage, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { InvoicePdfData } from "./types";

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

const euros = (cents: number) =>
  new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100).replace(/\u202f/g, " ");
const parisDate = (d: Date) => format(new TZDate(d, "Europe/Paris"), "dd/MM/yyyy");

const s = StyleSheet.create({
  page: { fontFamily: "Inter", fontSize: 9.5, padding: 36, color: "#0f172a" },
  row: { flexDirection: "row" },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 24 },
  authority: { width: "55%" },
  strong: { fontWeight: 700 },
  title: { fontSize: 16, fontWeight: 700, color: "#173c93", marginBottom: 4 },
  addressee: { width: "40%", padding: 10, borderWidth: 1, borderColor: "#cbd5e1", borderRadius: 4 },
  meta: { marginBottom: 16 },
  table: { borderTopWidth: 1, borderColor: "#94a3b8" },
  th: { flexDirection: "row", backgroundColor: "#e2e8f0", paddingVertical: 4, fontWeight: 600 },
  tr: { flexDirection: "row", paddingVertical: 3, borderBottomWidth: 0.5, borderColor: "#e2e8f0" },
  group: { paddingTop: 6, paddingBottom: 2, fontWeight: 700, color: "#173c93" },
  cLabel: { width: "58%", paddingHorizontal: 4 },
  cQty: { width: "10%", textAlign: "right", paddingHorizontal: 4 },
  cPrice: { width: "16%", textAlign: "right", paddingHorizontal: 4 },
  cTotal: { width: "16%", textAlign: "right", paddingHorizontal: 4 },
  total: { flexDirection: "row", justifyContent: "flex-end", marginTop: 8, fontSize: 12, fontWeight: 700 },
  paid: {
    marginTop: 16,
    alignSelf: "flex-start",
    borderWidth: 2,
    borderColor: "#136b3a",
    color: "#136b3a",
    padding: 6,
    fontSize: 14,
    fontWeight: 700,
  },
  cancelled: { marginTop: 16, borderWidth: 2, borderColor: "#b3261e", color: "#b3261e", padding: 6, fontSize: 14, fontWeight: 700 },
  slip: { marginTop: 28, paddingTop: 12, borderTopWidth: 1, borderStyle: "dashed", borderColor: "#64748b", flexDirection: "row" },
  slipText: { width: "72%", paddingRight: 12, lineHeight: 1.4 },
  qr: { width: 110, height: 110 },
});

/** The invoice as a tree of small parts: header, lines per child, totals, payment slip. */
export function InvoiceDocument({ data, qrDataUrl }: { data: InvoicePdfData; qrDataUrl: string }) {
  const { authority, invoice, household } = data;
  return (
    <Document title={`Facture ${invoice.number}`} author={authority.name} language="fr">
      <Page size="A4" style={s.page}>
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
            <Text style={s.strong}>{data.responsible}</Text>
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

        <View style={s.meta}>
          <Text style={s.title}>Facture N° {invoice.number}</Text>
          <Text>Date : {parisDate(invoice.issuedAt)}</Text>
          {invoice.qf !== null || invoice.regime ? (
            <Text>
              QF famille : {invoice.qf ?? "non communiqué"} — Régime : {invoice.regime ?? "non communiqué"}
            </Text>
          ) : null}
        </View>

        <View style={s.table}>
          <View style={s.th}>
            <Text style={s.cLabel}>Libellé</Text>
            <Text style={s.cQty}>Qté</Text>
            <Text style={s.cPrice}>Prix</Text>
            <Text style={s.cTotal}>Total</Text>
          </View>
          {data.groups.map((group) => (
            <View key={group.title} wrap={false}>
              <Text style={s.group}>{group.title}</Text>
              {group.lines.map((line, i) => (
                <View key={i} style={s.tr}>
                  <Text style={s.cLabel}>{line.label}</Text>
                  <Text style={s.cQty}>{line.quantity}</Text>
                  <Text style={s.cPrice}>{euros(line.unitPriceCents)}</Text>
                  <Text style={s.cTotal}>{euros(line.totalCents)}</Text>
                </View>
              ))}
            </View>
          ))}
        </View>
        <View style={s.total}>
          <Text>TOTAL : {euros(invoice.totalCents)}</Text>
        </View>

        {invoice.paid ? (
          <Text style={s.paid}>ACQUITTÉE{invoice.paidAt ? ` le ${parisDate(invoice.paidAt)}` : ""}</Text>
        ) : invoice.cancelled ? (
          <Text style={s.cancelled}>ANNULÉE</Text>
        ) : (
          <View style={s.slip} wrap={false}>
            <View style={s.slipText}>
              <Text style={s.strong}>
                Quittance N° {invoice.number} d&apos;un montant de {euros(invoice.totalCents)}
              </Text>
              <Text>
                En votre aimable règlement en espèce, carte bancaire, CESU ou chèque à l&apos;ordre de {authority.regieName}
              </Text>
              <Text>Facture payable en ligne sur : {invoice.payPortalUrl}</Text>
              <Text>
                Identifiant de Paiement en ligne : <Text style={s.strong}>{invoice.paymentIdentifier}</Text>
              </Text>
              <Text>Ou scannez le QR-Code pour accéder au paiement</Text>
              <Text>Merci d&apos;avance.</Text>
            </View>
            <PdfImage style={s.qr} src={qrDataUrl} />
          </View>
        )}
      </Page>
    </Document>
  );
}
