-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('INVOICE', 'PAYMENT', 'CREDIT_NOTE', 'REFUND', 'TRANSFER');

-- AlterEnum
ALTER TYPE "InvoiceStatus" ADD VALUE 'EXPIRED';

-- AlterTable
ALTER TABLE "AuthoritySettings" ADD COLUMN     "defaultTariffQf" INTEGER,
ADD COLUMN     "defaultTariffRegime" "Regime" NOT NULL DEFAULT 'RG';

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "tariffId" TEXT,
ADD COLUMN     "unitPriceCents" INTEGER NOT NULL DEFAULT 0;

-- Bookings made before prices were stored take their invoice line's unit price
-- (one line per child, prestation, month and price: the month picks the line).
UPDATE "Booking" b SET "unitPriceCents" = COALESCE((
  SELECT l."unitPriceCents" FROM "InvoiceLine" l JOIN "Slot" s ON s.id = b."slotId"
  WHERE l."invoiceId" = b."invoiceId" AND l."personId" = b."personId" AND l."productId" = s."productId"
  ORDER BY l."sortOrder" LIMIT 1), 0);
ALTER TABLE "Booking" ALTER COLUMN "unitPriceCents" DROP DEFAULT;

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "html" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "sentAt" TIMESTAMP(3),
ADD COLUMN     "status" "EmailStatus" NOT NULL DEFAULT 'SENT',
ADD COLUMN     "text" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "driver" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "resolution" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "resolvedById" TEXT;

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "invoiceId" TEXT,
    "paymentId" TEXT,
    "creditNoteId" TEXT,
    "refundId" TEXT,
    "label" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditNote" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "householdId" TEXT NOT NULL,
    "invoiceId" TEXT,
    "paymentId" TEXT,
    "amountCents" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditNoteCounter" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "next" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CreditNoteCounter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "paymentId" TEXT,
    "amountCents" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LedgerEntry_householdId_createdAt_idx" ON "LedgerEntry"("householdId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_invoiceId_idx" ON "LedgerEntry"("invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditNote_number_key" ON "CreditNote"("number");

-- CreateIndex
CREATE INDEX "CreditNote_householdId_issuedAt_idx" ON "CreditNote"("householdId", "issuedAt");

-- CreateIndex
CREATE INDEX "Refund_householdId_idx" ON "Refund"("householdId");

-- CreateIndex
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Payment_flagged_resolvedAt_idx" ON "Payment"("flagged", "resolvedAt");

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_tariffId_fkey" FOREIGN KEY ("tariffId") REFERENCES "Tariff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_creditNoteId_fkey" FOREIGN KEY ("creditNoteId") REFERENCES "CreditNote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The ledger starts from the invoices and payments already recorded.
INSERT INTO "LedgerEntry" (id, "householdId", kind, "amountCents", "invoiceId", label, "createdAt")
SELECT 'mig' || md5(i.id || 'issue'), i."householdId", 'INVOICE', i."totalCents", i.id, 'Facture N° ' || i.number, i."issuedAt" FROM "Invoice" i;
INSERT INTO "LedgerEntry" (id, "householdId", kind, "amountCents", "invoiceId", label, "createdAt")
SELECT 'mig' || md5(i.id || 'cancel'), i."householdId", 'INVOICE', -i."totalCents", i.id, 'Annulation de la facture N° ' || i.number, COALESCE(i."cancelledAt", i."issuedAt")
FROM "Invoice" i WHERE i.status = 'CANCELLED';
INSERT INTO "LedgerEntry" (id, "householdId", kind, "amountCents", "invoiceId", "paymentId", label, "createdAt")
SELECT 'mig' || md5(p.id || 'pay'), p."householdId", 'PAYMENT', -(p."amountCents" - p."creditCents"), p."invoiceId", p.id, 'Paiement', COALESCE(p."settledAt", p."createdAt")
FROM "Payment" p WHERE p.status = 'PAID' AND p."amountCents" > p."creditCents";
INSERT INTO "LedgerEntry" (id, "householdId", kind, "amountCents", "paymentId", label, "createdAt")
SELECT 'mig' || md5(p.id || 'credit'), p."householdId", 'PAYMENT', -p."creditCents", p.id, 'Paiement conservé en avoir', COALESCE(p."settledAt", p."createdAt")
FROM "Payment" p WHERE p.status = 'PAID' AND p."creditCents" > 0;
