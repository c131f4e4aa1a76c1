import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatDay } from "@/lib/format";
import type { AttendancePdfData } from "./certificate-types";
import { attendanceStatement, attendanceTitle, dayCount, madeAtLine, NO_ATTENDANCE } from "./certificate-wording";
import { PdfHeader, s as base } from "./parts";

const s = {
  ...base,
  ...StyleSheet.create({
    statement: { lineHeight: 1.4, marginBottom: 12 },
    product: { marginBottom: 10 },
    productTitle: { fontWeight: 700, color: "#173c93", marginBottom: 3 },
    days: { lineHeight: 1.5 },
    signature: { marginTop: 28 },
  }),
};

/** The attendance certificate: per product, the days the child was there. */
export function AttendanceDocument({ data }: { data: AttendancePdfData }) {
  return (
    <Document title={`${attendanceTitle} — ${data.child.firstName} ${data.child.lastName}`} author={data.authority.name} language="fr">
      <Page size="A4" style={s.page}>
        <PdfHeader authority={data.authority} household={data.household} responsible={data.responsible} />
        <View style={s.meta}>
          <Text style={s.title}>{attendanceTitle}</Text>
        </View>
        <Text style={s.statement}>{attendanceStatement(data)}</Text>
        {data.products.length === 0 ? <Text>{NO_ATTENDANCE}</Text> : null}
        {data.products.map((p) => (
          <View key={p.title} style={s.product}>
            <Text style={s.productTitle}>
              {p.title} : {dayCount(p.days.length)}
            </Text>
            <Text style={s.days}>{p.days.map(formatDay).join(", ")}</Text>
          </View>
        ))}
        <View style={s.signature}>
          <Text>{madeAtLine(data.authority, data.madeAt)}</Text>
          <Text>Pour {data.authority.name}</Text>
        </View>
      </Page>
    </Document>
  );
}
