-- CreateEnum
CREATE TYPE "CampaignRule" AS ENUM ('RESIDENT', 'SIBLINGS', 'ENROLLED', 'WORKING_PARENTS');

-- CreateEnum
CREATE TYPE "CampaignOutcome" AS ENUM ('PENDING', 'ATTRIBUTED', 'WAITLISTED');

-- CreateEnum
CREATE TYPE "WaitlistStatus" AS ENUM ('WAITING', 'OFFERED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'REMOVED');

-- AlterTable
ALTER TABLE "AuthoritySettings" ADD COLUMN     "residentCities" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "waitlistOfferHours" INTEGER NOT NULL DEFAULT 48;

-- AlterTable
ALTER TABLE "Household" ADD COLUMN     "workingParents" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "workingParentsConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "workingParentsConfirmedById" TEXT;

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "firstDay" DATE NOT NULL,
    "lastDay" DATE NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "allocationDay" DATE NOT NULL,
    "rules" "CampaignRule"[],
    "payWithinDays" INTEGER NOT NULL DEFAULT 3,
    "offerHours" INTEGER NOT NULL DEFAULT 48,
    "seed" TEXT,
    "inputs" JSONB,
    "allocatedAt" TIMESTAMP(3),
    "allocatedById" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignRequest" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "firstProductId" TEXT NOT NULL,
    "secondProductId" TEXT,
    "together" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignRequestDay" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "outcome" "CampaignOutcome" NOT NULL DEFAULT 'PENDING',
    "productId" TEXT,
    "choice" INTEGER,
    "rank" INTEGER,
    "decidedBy" TEXT,
    "bookingId" TEXT,

    CONSTRAINT "CampaignRequestDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaitlistEntry" (
    "id" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "groupKey" TEXT,
    "status" "WaitlistStatus" NOT NULL DEFAULT 'WAITING',
    "campaignRequestDayId" TEXT,
    "offeredAt" TIMESTAMP(3),
    "offerExpiresAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "bookingId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WaitlistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_CampaignToProduct" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_CampaignToProduct_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "Campaign_firstDay_lastDay_idx" ON "Campaign"("firstDay", "lastDay");

-- CreateIndex
CREATE INDEX "CampaignRequest_campaignId_householdId_idx" ON "CampaignRequest"("campaignId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRequest_campaignId_personId_key" ON "CampaignRequest"("campaignId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRequestDay_bookingId_key" ON "CampaignRequestDay"("bookingId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRequestDay_requestId_date_key" ON "CampaignRequestDay"("requestId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistEntry_campaignRequestDayId_key" ON "WaitlistEntry"("campaignRequestDayId");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistEntry_bookingId_key" ON "WaitlistEntry"("bookingId");

-- CreateIndex
CREATE INDEX "WaitlistEntry_slotId_status_rank_idx" ON "WaitlistEntry"("slotId", "status", "rank");

-- CreateIndex
CREATE INDEX "WaitlistEntry_householdId_status_idx" ON "WaitlistEntry"("householdId", "status");

-- CreateIndex
CREATE INDEX "WaitlistEntry_personId_slotId_idx" ON "WaitlistEntry"("personId", "slotId");

-- CreateIndex
CREATE INDEX "_CampaignToProduct_B_index" ON "_CampaignToProduct"("B");

-- AddForeignKey
ALTER TABLE "CampaignRequest" ADD CONSTRAINT "CampaignRequest_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRequest" ADD CONSTRAINT "CampaignRequest_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRequest" ADD CONSTRAINT "CampaignRequest_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRequest" ADD CONSTRAINT "CampaignRequest_firstProductId_fkey" FOREIGN KEY ("firstProductId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRequest" ADD CONSTRAINT "CampaignRequest_secondProductId_fkey" FOREIGN KEY ("secondProductId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRequestDay" ADD CONSTRAINT "CampaignRequestDay_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "CampaignRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRequestDay" ADD CONSTRAINT "CampaignRequestDay_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "Slot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_campaignRequestDayId_fkey" FOREIGN KEY ("campaignRequestDayId") REFERENCES "CampaignRequestDay"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CampaignToProduct" ADD CONSTRAINT "_CampaignToProduct_A_fkey" FOREIGN KEY ("A") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CampaignToProduct" ADD CONSTRAINT "_CampaignToProduct_B_fkey" FOREIGN KEY ("B") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
