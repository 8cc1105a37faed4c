-- CreateTable
CREATE TABLE "PublicRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicRevision_pkey" PRIMARY KEY ("id")
);

-- Public revision: one row, bumped once per statement that changes what a public page shows.
-- Hand-written (Prisma's schema language has no triggers); keep it when regenerating.
-- An UPDATE of one row (not a sequence): the new number becomes visible exactly when the
-- write commits, so no instance can see it before the data it stands for (a sequence moves at
-- once, and a page rendered from the old data would be cached under the new number).
-- The tables are every one the public pages read (home, parks, park, projects, parcel, search,
-- blocks, costs); tests/integration/public-revision.test.ts lists the tables deliberately left
-- out (staff, inquiries, sessions, mail, audit) and fails for a table in neither list.
INSERT INTO "PublicRevision" ("id", "revision") VALUES (1, 0);

CREATE FUNCTION "bump_public_revision"() RETURNS trigger AS $$
BEGIN
  UPDATE "PublicRevision" SET "revision" = "revision" + 1, "updatedAt" = now() WHERE "id" = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Article', 'Park', 'ParkFigure', 'Zone', 'Parcel', 'ParcelAdjacency', 'EnterpriseProject',
    '_EnterpriseProjectToParcel', 'ParkResponsibility', 'ParcelHold', 'CalendarDay', 'AllotmentTerms', 'ExchangeRate',
    'PortalSetting'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_revision"()', t || '_bump_public_revision', t);
  END LOOP;
END;
$$;
