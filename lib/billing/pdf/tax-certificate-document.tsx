import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { TaxCertificatePdfData } from "./certificate-types";
import { bornOn, madeAtLine, TAX_CERTIFICATE_NOTE, taxCertificateStatement, taxCertificateTitle, totalLine } from "./certificate-wording";
import { euros, PdfHeader, s as base } from "./parts";

const s = {
  ...base,
  ...StyleSheet.create({
    statement: { lineHeight: 1.4, marginBottom: 12 },
    table: { borderTopWidth: 1, borderColor: "#94a3b8" },
    line: { flexDirection: "row", paddingVertical: 5, borderBottomWidth: 0.5, borderColor: "#e2e8f0" },
    head: { fontWeight: 600, backgroundColor: "#f1f5f9" },
    name: { width: "45%", paddingLeft: 4 },
    birth: { width: "30%" },
    amount: { width: "25%", textAlign: "right", paddingRight: 4 },
    total: { flexDirection: "row", justifyContent: "flex-end", marginTop: 12, fontSize: 12, fontWeight: 700 },
    note: { marginTop: 16, lineHeight: 1.4, color: "#334155" },
    signature: { marginTop: 28 },
  }),
};

/** The yearly childcare tax certificate: the authority's header, a statement, one line per child under 6, the total. */
export function TaxCertificateDocument({ data }: { data: TaxCertificatePdfData }) {
  const title = taxCertificateTitle(data.year);
  return (
    <Document title={title} author={data.authority.name} language="fr">
      <Page size="A4" style={s.page}>
        <PdfHeader authority={data.authority} household={data.household} responsible={data.responsible} />
        <View style={s.meta}>
          <Text style={s.title}>{title}</Text>
        </View>
        <Text style={s.statement}>{taxCertificateStatement(data)}</Text>
        <View style={s.table}>
          <View style={[s.line, s.head]}>
            <Text style={s.name}>Enfant</Text>
            <Text style={s.birth}>Date de naissance</Text>
            <Text style={s.amount}>Montant</Text>
          </View>
          {data.children.map((c) => (
            <View key={`${c.firstName}-${c.birthDate}`} style={s.line} wrap={false}>
              <Text style={s.name}>
                {c.firstName} {c.lastName}
              </Text>
              <Text style={s.birth}>{bornOn(c.birthDate)}</Text>
              <Text style={s.amount}>{euros(c.amountCents)}</Text>
            </View>
          ))}
        </View>
        <View style={s.total}>
          <Text>{totalLine(data.totalCents)}</Text>
        </View>
        <Text style={s.note}>{TAX_CERTIFICATE_NOTE}</Text>
        <View style={s.signature}>
          <Text>{madeAtLine(data.authority, data.issuedAt)}</Text>
          <Text>Pour {data.authority.name}, {data.authority.regieName}</Text>
        </View>
      </Page>
    </Document>
  );
}
