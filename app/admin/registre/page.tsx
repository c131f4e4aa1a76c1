import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { processingRegister } from "@/lib/privacy/registre";
import { getSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Registre des traitements" };

export default async function RegisterPage() {
  await requireRole("staff");
  const settings = await getSettings();
  const processings = processingRegister(settings);
  return (
    <>
      <PageTitle
        description={`Les traitements de données personnelles du portail (article 30 du RGPD), responsable : ${settings.name}. Les durées de conservation suivent les Paramètres et sont appliquées par la maintenance.`}
      >
        Registre des traitements
      </PageTitle>
      <div className="space-y-6">
        {processings.map((p) => (
          <Card key={p.id} title={p.name}>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="font-semibold">Finalité</dt>
              <dd>{p.purpose}</dd>
              <dt className="font-semibold">Base légale</dt>
              <dd>{p.legalBasis}</dd>
              <dt className="font-semibold">Données</dt>
              <dd>{p.data}</dd>
              <dt className="font-semibold">Destinataires</dt>
              <dd>{p.recipients}</dd>
              <dt className="font-semibold">Durée de conservation</dt>
              <dd>
                <ul className="list-disc space-y-1 pl-5">
                  {p.retention.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </dd>
            </dl>
          </Card>
        ))}
      </div>
    </>
  );
}
