-- CreateTable
CREATE TABLE "LandChange" (
    "id" BIGSERIAL NOT NULL,
    "revision" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "entityId" TEXT,
    "otherId" TEXT,
    "code" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LandChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LandChangeHorizon" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "prunedThrough" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "LandChangeHorizon_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LandChange_revision_idx" ON "LandChange"("revision");

-- CreateIndex
CREATE INDEX "LandChange_at_idx" ON "LandChange"("at");

-- The change log (hand-written: Prisma's schema language has no triggers; keep it when
-- regenerating). Every write to Parcel, ParcelAdjacency, Park or Zone, by Prisma, raw SQL or
-- psql, records what it touched in the same transaction, so each app instance patches its
-- in-memory land index instead of reloading it (lib/search/index-refresh.ts).
--
-- Ordering: each statement bumps LandRevision itself and tags its rows with the value it set.
-- That UPDATE takes the row's lock, held until commit, so land writers are serialised: while
-- a writer holds tag T uncommitted, no other transaction can commit a revision >= T. A reader
-- that sees revision R in its snapshot therefore sees every log row tagged <= R, and one that
-- commits later always carries a larger tag than anything already visible. (The older
-- statement triggers bump too; an extra bump is harmless, the revision is only compared.)
-- Statement triggers with transition tables: one lock and one INSERT ... SELECT per statement,
-- not per row (a 100,000-parcel import stays one set-based insert per chunk).
INSERT INTO "LandChangeHorizon" ("id", "prunedThrough") VALUES (1, 0);

CREATE FUNCTION "land_change_revision"() RETURNS bigint AS $$
  UPDATE "LandRevision" SET "revision" = "revision" + 1, "updatedAt" = now() WHERE "id" = 1 RETURNING "revision";
$$ LANGUAGE sql;

-- Parcels: the code before the write (the index finds a parcel by code; a deleted row's code
-- cannot be read back), and the new code for inserts.
CREATE FUNCTION "log_parcel_new"() RETURNS trigger AS $$
DECLARE rev bigint := "land_change_revision"();
BEGIN
  INSERT INTO "LandChange" ("revision", "kind", "entityId", "code") SELECT rev, 'parcel', n."id", n."code" FROM new_rows n;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "log_parcel_old"() RETURNS trigger AS $$
DECLARE rev bigint := "land_change_revision"();
BEGIN
  INSERT INTO "LandChange" ("revision", "kind", "entityId", "code") SELECT rev, 'parcel', o."id", o."code" FROM old_rows o;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "log_edge_new"() RETURNS trigger AS $$
DECLARE rev bigint := "land_change_revision"();
BEGIN
  INSERT INTO "LandChange" ("revision", "kind", "entityId", "otherId") SELECT rev, 'edge', n."parcelAId", n."parcelBId" FROM new_rows n;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "log_edge_old"() RETURNS trigger AS $$
DECLARE rev bigint := "land_change_revision"();
BEGIN
  INSERT INTO "LandChange" ("revision", "kind", "entityId", "otherId") SELECT rev, 'edge', o."parcelAId", o."parcelBId" FROM old_rows o;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Parks and zones: county and industries are baked into each parcel's row of the index.
CREATE FUNCTION "log_area_new"() RETURNS trigger AS $$
DECLARE rev bigint := "land_change_revision"();
BEGIN
  INSERT INTO "LandChange" ("revision", "kind", "entityId") SELECT rev, TG_ARGV[0], n."id" FROM new_rows n;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "log_area_old"() RETURNS trigger AS $$
DECLARE rev bigint := "land_change_revision"();
BEGIN
  INSERT INTO "LandChange" ("revision", "kind", "entityId") SELECT rev, TG_ARGV[0], o."id" FROM old_rows o;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- TRUNCATE has no transition table: readers reload.
CREATE FUNCTION "log_land_reset"() RETURNS trigger AS $$
DECLARE rev bigint := "land_change_revision"();
BEGIN
  INSERT INTO "LandChange" ("revision", "kind") VALUES (rev, 'reset');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Parcel_log_insert" AFTER INSERT ON "Parcel" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "log_parcel_new"();
CREATE TRIGGER "Parcel_log_update" AFTER UPDATE ON "Parcel" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "log_parcel_old"();
CREATE TRIGGER "Parcel_log_delete" AFTER DELETE ON "Parcel" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "log_parcel_old"();
CREATE TRIGGER "Parcel_log_truncate" AFTER TRUNCATE ON "Parcel" FOR EACH STATEMENT EXECUTE FUNCTION "log_land_reset"();

CREATE TRIGGER "ParcelAdjacency_log_insert" AFTER INSERT ON "ParcelAdjacency" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "log_edge_new"();
-- An update could move an edge to other parcels: log both ends before and after.
CREATE TRIGGER "ParcelAdjacency_log_update_old" AFTER UPDATE ON "ParcelAdjacency" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "log_edge_old"();
CREATE TRIGGER "ParcelAdjacency_log_update_new" AFTER UPDATE ON "ParcelAdjacency" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "log_edge_new"();
CREATE TRIGGER "ParcelAdjacency_log_delete" AFTER DELETE ON "ParcelAdjacency" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "log_edge_old"();
CREATE TRIGGER "ParcelAdjacency_log_truncate" AFTER TRUNCATE ON "ParcelAdjacency" FOR EACH STATEMENT EXECUTE FUNCTION "log_land_reset"();

CREATE TRIGGER "Park_log_insert" AFTER INSERT ON "Park" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "log_area_new"('park');
CREATE TRIGGER "Park_log_update" AFTER UPDATE ON "Park" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "log_area_new"('park');
CREATE TRIGGER "Park_log_delete" AFTER DELETE ON "Park" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "log_area_old"('park');
CREATE TRIGGER "Park_log_truncate" AFTER TRUNCATE ON "Park" FOR EACH STATEMENT EXECUTE FUNCTION "log_land_reset"();

CREATE TRIGGER "Zone_log_insert" AFTER INSERT ON "Zone" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "log_area_new"('zone');
CREATE TRIGGER "Zone_log_update" AFTER UPDATE ON "Zone" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "log_area_new"('zone');
CREATE TRIGGER "Zone_log_delete" AFTER DELETE ON "Zone" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "log_area_old"('zone');
CREATE TRIGGER "Zone_log_truncate" AFTER TRUNCATE ON "Zone" FOR EACH STATEMENT EXECUTE FUNCTION "log_land_reset"();
