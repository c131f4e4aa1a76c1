import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/dal";
import { campaignProductOptions } from "@/lib/campaigns/staff";
import { CampaignForm } from "../_components/campaign-form";

export const metadata: Metadata = { title: "Nouvelle campagne" };

export default async function NewCampaignPage() {
  await requireRole("staff");
  const products = await campaignProductOptions();
  return (
    <>
      <PageTitle description="Les jours de la campagne ne se réservent plus au premier arrivé : les familles font une demande pendant la période ouverte, puis les places sont attribuées selon les règles choisies.">
        Nouvelle campagne
      </PageTitle>
      <p className="mb-4">
        <Link href="/admin/campagnes" className="font-semibold text-brand-700 underline">
          Retour aux campagnes
        </Link>
      </p>
      <Card>
        <CampaignForm
          products={products}
          values={{
            label: "",
            productIds: "",
            firstDay: "",
            lastDay: "",
            opensAt: "",
            closesAt: "",
            allocationDay: "",
            rule1: "",
            rule2: "",
            rule3: "",
            rule4: "",
            payWithinDays: "3",
            offerHours: "48",
          }}
        />
      </Card>
    </>
  );
}
