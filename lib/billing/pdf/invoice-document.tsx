import { Canvas, Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatDate } from "@/lib/format";
import { euros, PdfHeader, s as base } from "./parts";
import type { QrPath } from "./qr";
import type { InvoicePdfData } from "./types";
import { dueLine, groupedIdentifier, IDENTIFIER_LABEL, paidStamp, payeeLine, PAYMENT_MEANS, payOnlineLine, QR_LINE, slipTitle, THANKS } from "./wording";

const s = { ...base, ...StyleSheet.create({
  table: { borderTopWidth: 1, borderColor: "#94a3b8" },
  th: { flexDirection: "row", backgroundColor: "#e2e8f0", paddingVertical: 4, fontWeight: 600 },
  tr: { flexDirection: "row", paddingVertical: 1.5, borderBottomWidth: 0.5, borderColor: "#e2e8f0" },
  group: { paddingTop: 4, paddingBottom: 2, fontWeight: 700, color: "#173c93" },
  // The label takes what the figures leave (up to "1 234,50 €"), so a
  // month's canteen days stay on one line and 25 lines fit above the slip.
  cLabel: { width: "66%", paddingHorizontal: 4 },
  cQty: { width: "8%", textAlign: "right", paddingHorizontal: 4 },
  cPrice: { width: "13%", textAlign: "right", paddingHorizontal: 4 },
  cTotal: { width: "13%", textAlign: "right", paddingHorizontal: 4 },
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
  slip: { marginTop: 12, paddingTop: 8, borderTopWidth: 1, borderStyle: "dashed", borderColor: "#64748b", flexDirection: "row" },
  // react-pdf turns a bare lineHeight into points with the fontSize of the
  // same style, or 18 pt when it has none: the size must sit beside it.
  slipText: { width: "72%", paddingRight: 12, fontSize: 9.5, lineHeight: 1.3 },
  qr: { width: 88, height: 88 },
}) };

/** The invoice as a tree of small parts: header, lines per child, totals, payment slip (its words in ./wording, shared with the HTML version). */
export function InvoiceDocument({ data, qr }: { data: InvoicePdfData; qr: QrPath }) {
  const { authority, invoice, household } = data;
  const due = dueLine(invoice);
  return (
    <Document title={`Facture ${invoice.number}`} author={authority.name} language="fr">
      <Page size="A4" style={s.page}>
        <PdfHeader authority={authority} household={household} responsible={data.responsible} />

        <View style={s.meta}>
          <Text style={s.title}>Facture N° {invoice.number}</Text>
          <Text>Date : {formatDate(invoice.issuedAt)}</Text>
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
          <Text style={s.paid}>{paidStamp(invoice)}</Text>
        ) : invoice.cancelled ? (
          <Text style={s.cancelled}>ANNULÉE</Text>
        ) : (
          <View style={s.slip} wrap={false}>
            <View style={s.slipText}>
              <Text style={s.strong}>{slipTitle(invoice)}</Text>
              {due ? <Text style={s.strong}>{due}</Text> : null}
              <Text>
                {PAYMENT_MEANS} {payeeLine(authority)}
              </Text>
              <Text>{payOnlineLine(invoice)}</Text>
              <Text>
                {IDENTIFIER_LABEL}
                <Text style={s.strong}>{groupedIdentifier(invoice)}</Text>
              </Text>
              <Text>{QR_LINE}</Text>
              <Text>{THANKS}</Text>
            </View>
            <Canvas
              style={s.qr}
              paint={(painter, width) => painter.scale(width / qr.size).path(qr.d).fill("#000000")}
            />
          </View>
        )}
      </Page>
    </Document>
  );
}
