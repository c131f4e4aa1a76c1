-- CreateEnum
CREATE TYPE "AbsenceCredit" AS ENUM ('AUTO', 'CERTIFICATE', 'NONE');

-- CreateEnum
CREATE TYPE "AbsenceReason" AS ENUM ('MALADIE', 'ENSEIGNANT_ABSENT', 'AUTRE');

-- CreateEnum
CREATE TYPE "AbsenceStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED');

-- AlterEnum
ALTER TYPE "BookingStatus" ADD VALUE 'ABSENT';

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "cancelledAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "absenceCarenceDays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "absenceCredit" "AbsenceCredit" NOT NULL DEFAULT 'CERTIFICATE',
ADD COLUMN     "absenceDeadlineDays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "absenceDeadlineTime" TEXT NOT NULL DEFAULT '09:00';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "remindersOptIn" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Absence" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "reason" "AbsenceReason" NOT NULL,
    "comment" TEXT,
    "documentId" TEXT,
    "status" "AbsenceStatus" NOT NULL DEFAULT 'PENDING',
    "creditCents" INTEGER NOT NULL DEFAULT 0,
    "creditNoteId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "refusalReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WeekPattern" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "weekdays" INTEGER[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WeekPattern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderSent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Absence_bookingId_key" ON "Absence"("bookingId");

-- CreateIndex
CREATE INDEX "Absence_status_createdAt_idx" ON "Absence"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Absence_householdId_createdAt_idx" ON "Absence"("householdId", "createdAt");

-- CreateIndex
CREATE INDEX "Absence_reportId_idx" ON "Absence"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "WeekPattern_personId_productId_key" ON "WeekPattern"("personId", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_householdId_idx" ON "CalendarFeed"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSent_userId_key_key" ON "ReminderSent"("userId", "key");

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeekPattern" ADD CONSTRAINT "WeekPattern_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeekPattern" ADD CONSTRAINT "WeekPattern_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
