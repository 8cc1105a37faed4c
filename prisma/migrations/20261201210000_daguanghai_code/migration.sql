-- Data only: the park 大广海湾经济区's URL code becomes "daguanghai-bay-economic-zone" (its
-- names were corrected by 20261201180000_daguanghai_spelling; the code kept the misspelling).
-- Parks are referenced by id everywhere except in stored search query strings, so those are
-- rewritten too: saved searches (their alerts run the query) and the inquiries' chosen and
-- matched blocks (their links rebuild the block from the query). Audit rows, timeline events
-- and e-mails already sent stay as history; the old code keeps working as a permanent
-- redirect (lib/parks/code-aliases.ts). A fresh database is seeded with the new code, and a
-- database that somehow has both codes is left alone rather than failing on the unique key.
UPDATE "Park" SET "code" = 'daguanghai-bay-economic-zone'
WHERE "code" = 'dagwanghai-bay-economic-zone'
  AND NOT EXISTS (SELECT 1 FROM "Park" WHERE "code" = 'daguanghai-bay-economic-zone');

-- `park=<code>` as a whole parameter of a query string (never a code that merely starts so).
UPDATE "SavedSearch"
SET "query" = regexp_replace("query", '(^|&)park=dagwanghai-bay-economic-zone(&|$)', '\1park=daguanghai-bay-economic-zone\2', 'g')
WHERE "query" ~ '(^|&)park=dagwanghai-bay-economic-zone(&|$)';

-- The blocks' JSON: a query string sits inside a JSON string, so it ends at & or the quote.
UPDATE "Inquiry"
SET "requestedBlocks" = regexp_replace("requestedBlocks"::text, '(["&?])park=dagwanghai-bay-economic-zone([&"])', '\1park=daguanghai-bay-economic-zone\2', 'g')::jsonb
WHERE "requestedBlocks"::text ~ '["&?]park=dagwanghai-bay-economic-zone[&"]';
UPDATE "Inquiry"
SET "matchedBlocks" = regexp_replace("matchedBlocks"::text, '(["&?])park=dagwanghai-bay-economic-zone([&"])', '\1park=daguanghai-bay-economic-zone\2', 'g')::jsonb
WHERE "matchedBlocks"::text ~ '["&?]park=dagwanghai-bay-economic-zone[&"]';
