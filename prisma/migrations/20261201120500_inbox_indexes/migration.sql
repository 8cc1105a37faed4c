-- The lead inbox (issue #9): "overdue" means no first response yet and the first-contact
-- deadline passed. With most leads answered, the unanswered ones are few; this index finds
-- them by `"firstRespondedAt" IS NULL` and the deadline range in one scan, for the overdue
-- filter and the counts bar (EXPLAIN at 50,000 leads: bench/inbox.ts).
CREATE INDEX "Inquiry_firstRespondedAt_firstContactDueAt_idx" ON "Inquiry"("firstRespondedAt", "firstContactDueAt");
