-- CreateEnum
CREATE TYPE "LostReason" AS ENUM ('NO_RESPONSE', 'CHOSE_OTHER_LOCATION', 'LAND_UNSUITABLE', 'PRICE', 'TIMING', 'POLICY_MISMATCH', 'PROJECT_CANCELLED', 'DUPLICATE', 'OTHER');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- AlterEnum (hand-written: Prisma's diff recreates the type; renaming keeps every existing row
-- valid and its meaning: QUALIFYING leads are the qualified ones, NEGOTIATION the negotiating)
ALTER TYPE "InquiryStage" RENAME VALUE 'QUALIFYING' TO 'QUALIFIED';
ALTER TYPE "InquiryStage" RENAME VALUE 'NEGOTIATION' TO 'NEGOTIATING';
ALTER TYPE "InquiryStage" ADD VALUE 'CONTACTED' BEFORE 'QUALIFIED';

-- AlterEnum
ALTER TYPE "InquiryEventType" ADD VALUE 'REPLIED';
ALTER TYPE "InquiryEventType" ADD VALUE 'CALL_LOGGED';
ALTER TYPE "InquiryEventType" ADD VALUE 'MEETING_LOGGED';
ALTER TYPE "InquiryEventType" ADD VALUE 'MATCH_RERUN';
ALTER TYPE "InquiryEventType" ADD VALUE 'ESCALATED';
ALTER TYPE "InquiryEventType" ADD VALUE 'REOPENED';

-- DropIndex
DROP INDEX "Inquiry_assigneeId_idx";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastAssignedAt" TIMESTAMP(3),
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'zh',
ADD COLUMN     "passwordChangedAt" TIMESTAMP(3),
ADD COLUMN     "totpEnabledAt" TIMESTAMP(3),
ADD COLUMN     "totpSecret" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN     "assignedAt" TIMESTAMP(3),
ADD COLUMN     "escalationLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "firstContactDueAt" TIMESTAMP(3),
ADD COLUMN     "firstRespondedAt" TIMESTAMP(3),
ADD COLUMN     "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "lostNote" TEXT,
ADD COLUMN     "lostReason" "LostReason";

-- CreateTable
CREATE TABLE "ParkResponsibility" (
    "userId" TEXT NOT NULL,
    "parkId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParkResponsibility_pkey" PRIMARY KEY ("userId","parkId")
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "userId" TEXT,
    "ipHash" TEXT,
    "succeeded" BOOLEAN NOT NULL,
    "outcome" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "InquiryEscalation" (
    "inquiryId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InquiryEscalation_pkey" PRIMARY KEY ("inquiryId","level")
);

-- CreateIndex
CREATE INDEX "ParkResponsibility_parkId_idx" ON "ParkResponsibility"("parkId");

-- CreateIndex
CREATE INDEX "StaffSession_userId_idx" ON "StaffSession"("userId");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_createdAt_idx" ON "SignInAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_ipHash_createdAt_idx" ON "SignInAttempt"("ipHash", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_createdAt_idx" ON "SignInAttempt"("createdAt");

-- CreateIndex
CREATE INDEX "InquiryEscalation_level_createdAt_idx" ON "InquiryEscalation"("level", "createdAt");

-- CreateIndex
CREATE INDEX "User_role_disabled_idx" ON "User"("role", "disabled");

-- CreateIndex
CREATE INDEX "Inquiry_assigneeId_stage_idx" ON "Inquiry"("assigneeId", "stage");

-- CreateIndex
CREATE INDEX "Inquiry_parkId_createdAt_idx" ON "Inquiry"("parkId", "createdAt");

-- CreateIndex
CREATE INDEX "Inquiry_createdAt_idx" ON "Inquiry"("createdAt");

-- CreateIndex
CREATE INDEX "Inquiry_escalationLevel_idx" ON "Inquiry"("escalationLevel");

-- CreateIndex
CREATE INDEX "Inquiry_firstContactDueAt_idx" ON "Inquiry"("firstContactDueAt");

-- AddForeignKey
ALTER TABLE "ParkResponsibility" ADD CONSTRAINT "ParkResponsibility_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkResponsibility" ADD CONSTRAINT "ParkResponsibility_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInAttempt" ADD CONSTRAINT "SignInAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InquiryEscalation" ADD CONSTRAINT "InquiryEscalation_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Leads from before this migration: untouched since they arrived.
UPDATE "Inquiry" SET "lastActivityAt" = "createdAt";

-- The inbox's search over reference, company, contact name and e-mail: one lower-cased text
-- kept by PostgreSQL itself, with a trigram index (pg_trgm ships with PostgreSQL) so a
-- substring search in any script uses the index instead of scanning every lead. Not in
-- schema.prisma: Prisma cannot describe a generated column; only lib/leads queries read it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE "Inquiry" ADD COLUMN "searchText" TEXT GENERATED ALWAYS AS (
  lower("reference" || ' ' || "company" || ' ' || "contactName" || ' ' || "email")
) STORED;
CREATE INDEX "Inquiry_searchText_trgm_idx" ON "Inquiry" USING gin ("searchText" gin_trgm_ops);
