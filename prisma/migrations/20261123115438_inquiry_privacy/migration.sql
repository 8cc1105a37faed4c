-- DropForeignKey
ALTER TABLE "OutboxEmail" DROP CONSTRAINT "OutboxEmail_inquiryId_fkey";

-- AlterTable
ALTER TABLE "Inquiry" DROP COLUMN "ipHash";

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry"("id") ON DELETE CASCADE ON UPDATE CASCADE;
