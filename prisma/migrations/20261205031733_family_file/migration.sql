-- CreateEnum
CREATE TYPE "PickupKind" AS ENUM ('AUTHORISED', 'EMERGENCY', 'FORBIDDEN');

-- CreateEnum
CREATE TYPE "ConsentKind" AS ENUM ('PHOTO', 'OUTINGS', 'TRANSPORT', 'EMERGENCY_CARE');

-- CreateEnum
CREATE TYPE "BatchStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- AlterEnum
ALTER TYPE "RequestAction" ADD VALUE 'HEALTH_UPDATE';

-- AlterTable
ALTER TABLE "AuthoritySettings" ADD COLUMN     "retentionAccountingYears" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "retentionAuditYears" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "retentionExpiredDocumentMonths" INTEGER NOT NULL DEFAULT 12,
ADD COLUMN     "retentionIdentityMonths" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "retentionReplacedDocumentMonths" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "DocumentType" ADD COLUMN     "validityMonths" INTEGER;

-- AlterTable
ALTER TABLE "Household" ADD COLUMN     "anonymisedAt" TIMESTAMP(3),
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closedById" TEXT,
ADD COLUMN     "closureRequestedAt" TIMESTAMP(3),
ADD COLUMN     "closureRequestedById" TEXT;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "taxCertificateEligible" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "requiresFileUpdate" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CreditNoteLine" (
    "id" TEXT NOT NULL,
    "creditNoteId" TEXT NOT NULL,
    "personId" TEXT,
    "productId" TEXT,
    "day" DATE,
    "amountCents" INTEGER NOT NULL,

    CONSTRAINT "CreditNoteLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Diet" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Diet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthFile" (
    "personId" TEXT NOT NULL,
    "doctorName" TEXT,
    "doctorPhone" TEXT,
    "allergies" TEXT,
    "pai" BOOLEAN NOT NULL DEFAULT false,
    "paiValidUntil" DATE,
    "vaccinationsUpToDate" BOOLEAN,
    "remarks" TEXT,
    "staffNotes" TEXT,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HealthFile_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "PickupPerson" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" "PickupKind" NOT NULL,
    "name" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "phone" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PickupPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" "ConsentKind" NOT NULL,
    "given" BOOLEAN NOT NULL,
    "byUserId" TEXT,
    "byName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FileUpdateCampaign" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "schoolYearStart" DATE NOT NULL,
    "deadline" DATE NOT NULL,
    "message" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "FileUpdateCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FileUpdateConfirmation" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FileUpdateConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaxCertificate" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "children" JSONB NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "batchId" TEXT,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "TaxCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateBatch" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "BatchStatus" NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "emailed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CertificateBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_DietToHealthFile" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_DietToHealthFile_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "CreditNoteLine_creditNoteId_idx" ON "CreditNoteLine"("creditNoteId");

-- CreateIndex
CREATE UNIQUE INDEX "Diet_label_key" ON "Diet"("label");

-- CreateIndex
CREATE INDEX "PickupPerson_personId_idx" ON "PickupPerson"("personId");

-- CreateIndex
CREATE INDEX "Consent_personId_kind_createdAt_idx" ON "Consent"("personId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "FileUpdateCampaign_schoolYearStart_idx" ON "FileUpdateCampaign"("schoolYearStart");

-- CreateIndex
CREATE INDEX "FileUpdateConfirmation_householdId_idx" ON "FileUpdateConfirmation"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "FileUpdateConfirmation_campaignId_householdId_key" ON "FileUpdateConfirmation"("campaignId", "householdId");

-- CreateIndex
CREATE INDEX "TaxCertificate_batchId_idx" ON "TaxCertificate"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "TaxCertificate_householdId_year_key" ON "TaxCertificate"("householdId", "year");

-- CreateIndex
CREATE INDEX "CertificateBatch_status_idx" ON "CertificateBatch"("status");

-- CreateIndex
CREATE INDEX "_DietToHealthFile_B_index" ON "_DietToHealthFile"("B");

-- CreateIndex
CREATE INDEX "Household_closureRequestedAt_idx" ON "Household"("closureRequestedAt");

-- AddForeignKey
ALTER TABLE "CreditNoteLine" ADD CONSTRAINT "CreditNoteLine_creditNoteId_fkey" FOREIGN KEY ("creditNoteId") REFERENCES "CreditNote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthFile" ADD CONSTRAINT "HealthFile_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PickupPerson" ADD CONSTRAINT "PickupPerson_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileUpdateConfirmation" ADD CONSTRAINT "FileUpdateConfirmation_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "FileUpdateCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileUpdateConfirmation" ADD CONSTRAINT "FileUpdateConfirmation_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaxCertificate" ADD CONSTRAINT "TaxCertificate_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaxCertificate" ADD CONSTRAINT "TaxCertificate_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "CertificateBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_DietToHealthFile" ADD CONSTRAINT "_DietToHealthFile_A_fkey" FOREIGN KEY ("A") REFERENCES "Diet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_DietToHealthFile" ADD CONSTRAINT "_DietToHealthFile_B_fkey" FOREIGN KEY ("B") REFERENCES "HealthFile"("personId") ON DELETE CASCADE ON UPDATE CASCADE;
