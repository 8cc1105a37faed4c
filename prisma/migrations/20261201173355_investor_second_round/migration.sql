-- CreateEnum
CREATE TYPE "AllotmentMethod" AS ENUM ('LISTING', 'AUCTION', 'TENDER', 'AGREEMENT', 'LEASE_THEN_TRANSFER');

-- CreateEnum
CREATE TYPE "Currency" AS ENUM ('USD', 'EUR');

-- AlterEnum
ALTER TYPE "InquiryEventType" ADD VALUE 'INVESTOR_MESSAGE';

-- AlterTable
ALTER TABLE "Parcel" ADD COLUMN     "gasM3PerDay" INTEGER,
ADD COLUMN     "powerKva" INTEGER,
ADD COLUMN     "powerVoltageKv" DOUBLE PRECISION,
ADD COLUMN     "wastewaterTPerDay" INTEGER,
ADD COLUMN     "waterTPerDay" INTEGER;

-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN     "statusTokenExpiresAt" TIMESTAMP(3),
ADD COLUMN     "statusTokenHash" TEXT;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "savedSearchId" TEXT;

-- CreateTable
CREATE TABLE "AllotmentTerms" (
    "id" TEXT NOT NULL,
    "parkId" TEXT,
    "zoneId" TEXT,
    "minInvestmentWanPerMu" DOUBLE PRECISION,
    "taxWanPerMuYear" DOUBLE PRECISION,
    "plotRatioMin" DOUBLE PRECISION,
    "plotRatioMax" DOUBLE PRECISION,
    "buildingDensityMinPct" DOUBLE PRECISION,
    "buildingDensityMaxPct" DOUBLE PRECISION,
    "landUseTermYears" INTEGER,
    "methods" "AllotmentMethod"[],
    "incentivesZh" TEXT,
    "incentivesEn" TEXT,
    "sources" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT,

    CONSTRAINT "AllotmentTerms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExchangeRate" (
    "id" TEXT NOT NULL,
    "currency" "Currency" NOT NULL,
    "cnyPerUnit" DECIMAL(12,6) NOT NULL,
    "asOf" DATE NOT NULL,
    "setById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExchangeRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "confirmTokenHash" TEXT,
    "confirmExpiresAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "unsubscribeTokenHash" TEXT NOT NULL,
    "seenBlocks" TEXT[],
    "lastCheckedAt" TIMESTAMP(3),
    "lastAlertAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AllotmentTerms_parkId_key" ON "AllotmentTerms"("parkId");

-- CreateIndex
CREATE UNIQUE INDEX "AllotmentTerms_zoneId_key" ON "AllotmentTerms"("zoneId");

-- CreateIndex
CREATE INDEX "ExchangeRate_currency_createdAt_idx" ON "ExchangeRate"("currency", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SavedSearch_confirmTokenHash_key" ON "SavedSearch"("confirmTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "SavedSearch_unsubscribeTokenHash_key" ON "SavedSearch"("unsubscribeTokenHash");

-- CreateIndex
CREATE INDEX "SavedSearch_confirmedAt_idx" ON "SavedSearch"("confirmedAt");

-- CreateIndex
CREATE INDEX "SavedSearch_emailKey_idx" ON "SavedSearch"("emailKey");

-- CreateIndex
CREATE UNIQUE INDEX "Inquiry_statusTokenHash_key" ON "Inquiry"("statusTokenHash");

-- CreateIndex
CREATE INDEX "OutboxEmail_savedSearchId_idx" ON "OutboxEmail"("savedSearchId");

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_savedSearchId_fkey" FOREIGN KEY ("savedSearchId") REFERENCES "SavedSearch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllotmentTerms" ADD CONSTRAINT "AllotmentTerms_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllotmentTerms" ADD CONSTRAINT "AllotmentTerms_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma's schema language has no CHECK constraints); keep it when regenerating.
-- Terms belong to a park or to a zone, never both, never neither.
ALTER TABLE "AllotmentTerms" ADD CONSTRAINT "AllotmentTerms_one_owner"
  CHECK (("parkId" IS NULL) <> ("zoneId" IS NULL));
-- A rate is positive.
ALTER TABLE "ExchangeRate" ADD CONSTRAINT "ExchangeRate_positive" CHECK ("cnyPerUnit" > 0);
