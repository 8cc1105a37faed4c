-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "County" AS ENUM ('PENGJIANG', 'JIANGHAI', 'XINHUI', 'TAISHAN', 'KAIPING', 'HESHAN', 'ENPING');

-- CreateEnum
CREATE TYPE "ClusterGroup" AS ENUM ('NORTH', 'EAST', 'SOUTH');

-- CreateEnum
CREATE TYPE "ParkLevel" AS ENUM ('CLUSTER', 'PLATFORM', 'STARTUP_AREA', 'ECONOMIC_ZONE', 'NATIONAL_ZONE', 'COOPERATION_ZONE', 'NATIONAL_SPECIALTY', 'SPECIALTY', 'INDUSTRIAL_PARK');

-- CreateEnum
CREATE TYPE "Industry" AS ENUM ('NEW_ENERGY_BATTERY', 'ENERGY_STORAGE', 'SILICON_ENERGY', 'PHOTOVOLTAIC', 'SAFETY_EMERGENCY', 'RAIL_TRANSIT', 'SMART_HOME', 'HEALTHY_FOOD', 'METAL_MATERIALS', 'PLUMBING_SANITARY', 'CNC_MACHINE_TOOLS', 'NEW_MATERIALS', 'NEXT_GEN_IT', 'PAPER', 'BIG_HEALTH', 'POWER_EQUIPMENT', 'LOW_ALTITUDE', 'HYDROGEN', 'HIGH_END_EQUIPMENT', 'AUTO_PARTS', 'GLASS', 'ADVANCED_MANUFACTURING', 'LOGISTICS');

-- CreateEnum
CREATE TYPE "LandUse" AS ENUM ('INDUSTRIAL_M1', 'INDUSTRIAL_M2', 'INDUSTRIAL_M3', 'NEW_INDUSTRIAL_M0', 'LOGISTICS_W', 'SUPPORT_SERVICES');

-- CreateEnum
CREATE TYPE "ParcelStatus" AS ENUM ('AVAILABLE', 'RESERVED', 'UNDER_NEGOTIATION', 'SOLD', 'LEASED', 'NOT_OFFERED');

-- CreateEnum
CREATE TYPE "ProjectStage" AS ENUM ('SIGNED', 'UNDER_CONSTRUCTION', 'TRIAL_PRODUCTION', 'IN_PRODUCTION');

-- CreateEnum
CREATE TYPE "InquiryStage" AS ENUM ('NEW', 'QUALIFYING', 'SITE_VISIT', 'NEGOTIATION', 'SIGNED', 'LOST');

-- CreateEnum
CREATE TYPE "InquiryEventType" AS ENUM ('CREATED', 'NOTE', 'STAGE_CHANGED', 'ASSIGNED', 'DUE_CHANGED', 'PARCELS_CHANGED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'OFFICER');

-- CreateTable
CREATE TABLE "Article" (
    "id" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "publishedOn" DATE NOT NULL,
    "fileName" TEXT NOT NULL,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Park" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "shortNameZh" TEXT,
    "shortNameEn" TEXT,
    "county" "County",
    "clusterGroup" "ClusterGroup",
    "level" "ParkLevel" NOT NULL,
    "parentId" TEXT,
    "plannedAreaKm2" DOUBLE PRECISION,
    "industries" "Industry"[],
    "infrastructureZh" TEXT,
    "infrastructureEn" TEXT,
    "descriptionZh" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "centerLng" DOUBLE PRECISION NOT NULL,
    "centerLat" DOUBLE PRECISION NOT NULL,
    "boundary" JSONB,
    "geometryIllustrative" BOOLEAN NOT NULL DEFAULT true,
    "contactNameZh" TEXT,
    "contactNameEn" TEXT,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "addressZh" TEXT,
    "addressEn" TEXT,
    "sourceArticles" TEXT[],
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Park_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParkFigure" (
    "id" TEXT NOT NULL,
    "parkId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "labelZh" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "asOf" TEXT,
    "articleId" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ParkFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Zone" (
    "id" TEXT NOT NULL,
    "parkId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "industries" "Industry"[],
    "allowedLandUses" "LandUse"[],
    "descriptionZh" TEXT,
    "descriptionEn" TEXT,

    CONSTRAINT "Zone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Parcel" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "parkId" TEXT NOT NULL,
    "zoneId" TEXT,
    "geometry" JSONB NOT NULL,
    "geometryIllustrative" BOOLEAN NOT NULL DEFAULT true,
    "areaM2" DOUBLE PRECISION NOT NULL,
    "minLng" DOUBLE PRECISION NOT NULL,
    "minLat" DOUBLE PRECISION NOT NULL,
    "maxLng" DOUBLE PRECISION NOT NULL,
    "maxLat" DOUBLE PRECISION NOT NULL,
    "centroidLng" DOUBLE PRECISION NOT NULL,
    "centroidLat" DOUBLE PRECISION NOT NULL,
    "landUse" "LandUse" NOT NULL,
    "status" "ParcelStatus" NOT NULL,
    "roadReadyOn" DATE,
    "waterReadyOn" DATE,
    "drainageReadyOn" DATE,
    "powerReadyOn" DATE,
    "telecomReadyOn" DATE,
    "gasReadyOn" DATE,
    "heatingReadyOn" DATE,
    "cableReadyOn" DATE,
    "sewageReadyOn" DATE,
    "levelledOn" DATE,
    "priceCnyPerMu" INTEGER,
    "plotRatioMin" DOUBLE PRECISION,
    "plotRatioMax" DOUBLE PRECISION,
    "handoverOn" DATE,
    "lastVerifiedOn" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Parcel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParcelAdjacency" (
    "parcelAId" TEXT NOT NULL,
    "parcelBId" TEXT NOT NULL,
    "sharedLengthM" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ParcelAdjacency_pkey" PRIMARY KEY ("parcelAId","parcelBId")
);

-- CreateTable
CREATE TABLE "EnterpriseProject" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "companyZh" TEXT NOT NULL,
    "companyEn" TEXT NOT NULL,
    "industry" "Industry" NOT NULL,
    "investmentCny" BIGINT,
    "capacityZh" TEXT,
    "capacityEn" TEXT,
    "floorAreaM2" DOUBLE PRECISION,
    "landAreaHa" DOUBLE PRECISION,
    "stage" "ProjectStage" NOT NULL,
    "originCity" TEXT,
    "parkId" TEXT NOT NULL,
    "signedOn" DATE,
    "groundbreakingOn" DATE,
    "trialProductionOn" DATE,
    "productionOn" DATE,
    "descriptionZh" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "sourceArticles" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "EnterpriseProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "tokenVersion" INTEGER NOT NULL DEFAULT 0,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inquiry" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "company" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "industry" "Industry",
    "investmentCny" BIGINT,
    "landNeededMu" DOUBLE PRECISION,
    "jobs" INTEGER,
    "powerKva" INTEGER,
    "waterTonsPerDay" DOUBLE PRECISION,
    "timeline" TEXT,
    "message" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "consentAt" TIMESTAMP(3) NOT NULL,
    "consentVersion" TEXT NOT NULL,
    "parkId" TEXT,
    "requestedBlocks" JSONB,
    "matchedBlocks" JSONB,
    "stage" "InquiryStage" NOT NULL DEFAULT 'NEW',
    "assigneeId" TEXT,
    "firstResponseDueAt" TIMESTAMP(3),
    "nextActionDueAt" TIMESTAMP(3),
    "ipHash" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Inquiry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InquiryParcel" (
    "inquiryId" TEXT NOT NULL,
    "parcelId" TEXT NOT NULL,

    CONSTRAINT "InquiryParcel_pkey" PRIMARY KEY ("inquiryId","parcelId")
);

-- CreateTable
CREATE TABLE "InquiryEvent" (
    "id" TEXT NOT NULL,
    "inquiryId" TEXT NOT NULL,
    "actorId" TEXT,
    "type" "InquiryEventType" NOT NULL,
    "fromStage" "InquiryStage",
    "toStage" "InquiryStage",
    "note" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InquiryEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "LandRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LandRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_EnterpriseProjectToParcel" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EnterpriseProjectToParcel_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Park_code_key" ON "Park"("code");

-- CreateIndex
CREATE INDEX "Park_county_idx" ON "Park"("county");

-- CreateIndex
CREATE INDEX "Park_level_idx" ON "Park"("level");

-- CreateIndex
CREATE UNIQUE INDEX "ParkFigure_parkId_key_key" ON "ParkFigure"("parkId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Zone_code_key" ON "Zone"("code");

-- CreateIndex
CREATE INDEX "Zone_parkId_idx" ON "Zone"("parkId");

-- CreateIndex
CREATE UNIQUE INDEX "Parcel_code_key" ON "Parcel"("code");

-- CreateIndex
CREATE INDEX "Parcel_parkId_status_idx" ON "Parcel"("parkId", "status");

-- CreateIndex
CREATE INDEX "Parcel_zoneId_idx" ON "Parcel"("zoneId");

-- CreateIndex
CREATE INDEX "Parcel_status_idx" ON "Parcel"("status");

-- CreateIndex
CREATE INDEX "Parcel_minLng_minLat_maxLng_maxLat_idx" ON "Parcel"("minLng", "minLat", "maxLng", "maxLat");

-- CreateIndex
CREATE INDEX "ParcelAdjacency_parcelBId_idx" ON "ParcelAdjacency"("parcelBId");

-- CreateIndex
CREATE UNIQUE INDEX "EnterpriseProject_code_key" ON "EnterpriseProject"("code");

-- CreateIndex
CREATE INDEX "EnterpriseProject_parkId_idx" ON "EnterpriseProject"("parkId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Inquiry_reference_key" ON "Inquiry"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Inquiry_idempotencyKey_key" ON "Inquiry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Inquiry_stage_createdAt_idx" ON "Inquiry"("stage", "createdAt");

-- CreateIndex
CREATE INDEX "Inquiry_assigneeId_idx" ON "Inquiry"("assigneeId");

-- CreateIndex
CREATE INDEX "InquiryParcel_parcelId_idx" ON "InquiryParcel"("parcelId");

-- CreateIndex
CREATE INDEX "InquiryEvent_inquiryId_createdAt_idx" ON "InquiryEvent"("inquiryId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "_EnterpriseProjectToParcel_B_index" ON "_EnterpriseProjectToParcel"("B");

-- AddForeignKey
ALTER TABLE "Park" ADD CONSTRAINT "Park_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkFigure" ADD CONSTRAINT "ParkFigure_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkFigure" ADD CONSTRAINT "ParkFigure_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Zone" ADD CONSTRAINT "Zone_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Parcel" ADD CONSTRAINT "Parcel_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Parcel" ADD CONSTRAINT "Parcel_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParcelAdjacency" ADD CONSTRAINT "ParcelAdjacency_parcelAId_fkey" FOREIGN KEY ("parcelAId") REFERENCES "Parcel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParcelAdjacency" ADD CONSTRAINT "ParcelAdjacency_parcelBId_fkey" FOREIGN KEY ("parcelBId") REFERENCES "Parcel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseProject" ADD CONSTRAINT "EnterpriseProject_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InquiryParcel" ADD CONSTRAINT "InquiryParcel_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InquiryParcel" ADD CONSTRAINT "InquiryParcel_parcelId_fkey" FOREIGN KEY ("parcelId") REFERENCES "Parcel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InquiryEvent" ADD CONSTRAINT "InquiryEvent_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InquiryEvent" ADD CONSTRAINT "InquiryEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EnterpriseProjectToParcel" ADD CONSTRAINT "_EnterpriseProjectToParcel_A_fkey" FOREIGN KEY ("A") REFERENCES "EnterpriseProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EnterpriseProjectToParcel" ADD CONSTRAINT "_EnterpriseProjectToParcel_B_fkey" FOREIGN KEY ("B") REFERENCES "Parcel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Land revision: one row, bumped once per statement that changes parcels or adjacency.
-- Hand-written (Prisma's schema language has no triggers); keep it when regenerating.
INSERT INTO "LandRevision" ("id", "revision") VALUES (1, 0);

CREATE FUNCTION "bump_land_revision"() RETURNS trigger AS $$
BEGIN
  UPDATE "LandRevision" SET "revision" = "revision" + 1, "updatedAt" = now() WHERE "id" = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Parcel_bump_land_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Parcel"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_land_revision"();

CREATE TRIGGER "ParcelAdjacency_bump_land_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ParcelAdjacency"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_land_revision"();
