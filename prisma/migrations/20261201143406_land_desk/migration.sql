-- CreateEnum
CREATE TYPE "HoldEndReason" AS ENUM ('EXPIRED', 'LEAD_LOST', 'RELEASED', 'SIGNED', 'OVERRIDDEN');

-- CreateEnum
CREATE TYPE "CadastreImportStatus" AS ENUM ('CHECKING', 'CHECKED', 'REJECTED', 'COMMITTING', 'COMMITTED', 'FAILED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "InquiryEventType" ADD VALUE 'LAND_HELD';
ALTER TYPE "InquiryEventType" ADD VALUE 'LAND_SOLD';
ALTER TYPE "InquiryEventType" ADD VALUE 'LAND_RELEASED';

-- AlterTable
ALTER TABLE "Zone" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Parcel" ADD COLUMN     "statusChangedAt" TIMESTAMP(3),
ADD COLUMN     "statusReason" TEXT;

-- CreateTable
CREATE TABLE "ParcelHold" (
    "id" TEXT NOT NULL,
    "parcelId" TEXT NOT NULL,
    "inquiryId" TEXT NOT NULL,
    "heldAs" "ParcelStatus" NOT NULL,
    "statusBefore" "ParcelStatus" NOT NULL,
    "expiresOn" DATE NOT NULL,
    "createdById" TEXT,
    "overrideReason" TEXT,
    "expiryNoticeAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endReason" "HoldEndReason",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParcelHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CadastreImport" (
    "id" TEXT NOT NULL,
    "parkId" TEXT NOT NULL,
    "createdById" TEXT,
    "fileName" TEXT NOT NULL,
    "crs" TEXT NOT NULL,
    "status" "CadastreImportStatus" NOT NULL,
    "featureCount" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB,
    "payload" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CadastreImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortalSetting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ParcelHold_parcelId_endedAt_idx" ON "ParcelHold"("parcelId", "endedAt");

-- CreateIndex
CREATE INDEX "ParcelHold_inquiryId_endedAt_idx" ON "ParcelHold"("inquiryId", "endedAt");

-- CreateIndex
CREATE INDEX "ParcelHold_endedAt_expiresOn_idx" ON "ParcelHold"("endedAt", "expiresOn");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetToken_userId_idx" ON "PasswordResetToken"("userId");

-- CreateIndex
CREATE INDEX "CadastreImport_parkId_createdAt_idx" ON "CadastreImport"("parkId", "createdAt");

-- CreateIndex
CREATE INDEX "Parcel_parkId_lastVerifiedOn_idx" ON "Parcel"("parkId", "lastVerifiedOn");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- AddForeignKey
ALTER TABLE "ParcelHold" ADD CONSTRAINT "ParcelHold_parcelId_fkey" FOREIGN KEY ("parcelId") REFERENCES "Parcel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParcelHold" ADD CONSTRAINT "ParcelHold_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParcelHold" ADD CONSTRAINT "ParcelHold_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CadastreImport" ADD CONSTRAINT "CadastreImport_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CadastreImport" ADD CONSTRAINT "CadastreImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The land index bakes in each park's county and the zone/park industries (lib/search), so
-- edits of parks and zones must move the land revision too, as parcel edits do.
CREATE TRIGGER "Park_bump_land_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Park"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_land_revision"();

CREATE TRIGGER "Zone_bump_land_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Zone"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_land_revision"();
