import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatDate } from "@/lib/format";
import { euros, PdfHeader, s as base } from "./parts";
import type { CreditNotePdfData } from "./types";
import { correctedInvoice, creditNoteExplanation } from "./wording";

const s = {
  ...base,
  ...StyleSheet.create({
    box: { borderTopWidth: 1, borderColor: "#94a3b8", paddingTop: 8 },
    line: { flexDirection: "row", paddingVertical: 4, borderBottomWidth: 0.5, borderColor: "#e2e8f0" },
    label: { width: "30%", fontWeight: 600 },
    value: { width: "70%" },
    total: { flexDirection: "row", justifyContent: "flex-end", marginTop: 12, fontSize: 12, fontWeight: 700 },
    note: { marginTop: 24, lineHeight: 1.4, color: "#334155" },
  }),
};

/** The credit note: the invoice's header, then what it corrects, why, and how much goes to the family's credit. */
export function CreditNoteDocument({ data }: { data: CreditNotePdfData }) {
  const { authority, household, creditNote, invoice } = data;
  return (
    <Document title={`Avoir ${creditNote.number}`} author={authority.name} language="fr">
      <Page size="A4" style={s.page}>
        <PdfHeader authority={authority} household={household} responsible={data.responsible} />

        <View style={s.meta}>
          <Text style={s.title}>Avoir N° {creditNote.number}</Text>
          <Text>Date : {formatDate(creditNote.issuedAt)}</Text>
        </View>

        <View style={s.box}>
          <View style={s.line}>
            <Text style={s.label}>Facture corrigée</Text>
            <Text style={s.value}>{correctedInvoice(invoice)}</Text>
          </View>
          <View style={s.line}>
            <Text style={s.label}>Motif</Text>
            <Text style={s.value}>{creditNote.reason}</Text>
          </View>
        </View>
        <View style={s.total}>
          <Text>MONTANT DE L&apos;AVOIR : {euros(creditNote.amountCents)}</Text>
        </View>

        <Text style={s.note}>{creditNoteExplanation(authority)}</Text>
      </Page>
    </Document>
  );
}
