-- CreateEnum
CREATE TYPE "InaccessibleReason" AS ENUM ('NON_CONFORMITE', 'DEROGATION', 'CHARGE_DISPROPORTIONNEE');

-- AlterTable
ALTER TABLE "AuthoritySettings" ADD COLUMN     "paymentTermDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "regieReference" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "siret" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "AccessibilityDeclaration" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "establishedOn" DATE,
    "auditDate" DATE,
    "auditor" TEXT NOT NULL DEFAULT '',
    "criteriaMet" INTEGER,
    "criteriaNotMet" INTEGER,
    "criteriaNotApplicable" INTEGER,
    "nonAccessible" JSONB NOT NULL DEFAULT '[]',
    "technologies" JSONB NOT NULL DEFAULT '[]',
    "testEnvironment" JSONB NOT NULL DEFAULT '[]',
    "tools" JSONB NOT NULL DEFAULT '[]',
    "pagesAudited" JSONB NOT NULL DEFAULT '[]',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "contactAddress" TEXT NOT NULL DEFAULT '',
    "contactFormUrl" TEXT,
    "multiYearPlanUrl" TEXT,
    "actionPlanUrl" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccessibilityDeclaration_pkey" PRIMARY KEY ("id")
);
