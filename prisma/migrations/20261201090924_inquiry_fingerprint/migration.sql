-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN     "fingerprint" TEXT;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "toKey" TEXT;

-- CreateIndex
CREATE INDEX "OutboxEmail_toKey_createdAt_idx" ON "OutboxEmail"("toKey", "createdAt");

-- Rows queued before this migration: the same normalisation as lib/mail/address.ts (NFKC,
-- trimmed, lower case), so today's confirmations still count against the daily cap.
UPDATE "OutboxEmail" SET "toKey" = lower(btrim(normalize("to", NFKC)));
