// Loads the Jiangmen dataset: articles, parks, zones, figures, illustrative parcels with
// geometry-derived area and adjacency, and the enterprise projects. Deterministic: the same
// code always produces the same rows.
import type { Db } from "../lib/db/client";
import { assertMayWipe } from "../lib/db/environment-marker";
import { env } from "../lib/env";
import { Prisma } from "../lib/generated/prisma/client";
import { computeAdjacency } from "../lib/land/adjacency";
import { bboxOf, centroidOf, polygonAreaM2, validatePolygon, type PolygonGeometry } from "../lib/land/geometry";
import { M2_PER_HA } from "../lib/land/units";
import { articles } from "./data/articles";
import { cadastrePlan, generateCadastre } from "./data/cadastre-plan";
import { parks } from "./data/parks";
import { projects } from "./data/projects";
import type { ParcelDraft } from "./cadastre";
import { seedCosts } from "./costs";

export interface SeedSummary {
  loaded: boolean;
  message: string;
}

function publicContact(c: (typeof parks)[number]["contact"]) {
  if (!c || c.placeholder) return {};
  return { contactNameZh: c.nameZh, contactNameEn: c.nameEn, contactPhone: c.phone, contactEmail: c.email };
}

const date = (d: string | null | undefined) => (d ? new Date(`${d}T00:00:00Z`) : null);

// Every table the dataset owns, children first. Users are kept: they are people, not data.
// AuditLog is kept too: audit rows are never deleted by the application. It references only
// User (kept), so the CASCADE below cannot reach it; what cascades from these tables
// (ParcelHold, CadastreImport, InquiryEscalation, OutboxEmail rows of inquiries) is data.
export const DATA_TABLES = [
  "InquiryEvent",
  "InquiryParcel",
  "Inquiry",
  "RateLimit",
  "_EnterpriseProjectToParcel",
  "EnterpriseProject",
  "ParcelAdjacency",
  "Parcel",
  "Zone",
  "ParkFigure",
  "Park",
  "Article",
];

export async function seedDatabase(db: Db, opts: { force: boolean; nodeEnv?: string; command?: string }): Promise<SeedSummary> {
  // A forced seed deletes every park, parcel and lead: never on a production database.
  if (opts.force) await assertMayWipe(db, opts.nodeEnv ?? env().NODE_ENV, opts.command ?? "db:seed --force");
  const existing = await db.park.count();
  if (existing > 0 && !opts.force) {
    const parcels = await db.parcel.count();
    return { loaded: false, message: `Jiangmen dataset already loaded (${existing} parks, ${parcels} parcels).` };
  }
  const cadastre = generateCadastre(parks, cadastrePlan);
  const boundaries = new Map(cadastre.map((c) => [c.parkCode, c.boundary]));
  const parcelRows = cadastre.flatMap((c) => c.parcels).map(toParcelRow);
  const adjacency = computeAdjacency(parcelRows.map((p) => ({ id: p.code, geometry: p.geometry as unknown as PolygonGeometry })));

  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`TRUNCATE ${DATA_TABLES.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
      await tx.article.createMany({
        data: articles.map((a) => ({ ...a, publishedOn: date(a.publishedOn)! })),
      });
      await tx.park.createMany({
        data: parks.map((p, index) => ({
          code: p.code,
          nameZh: p.nameZh,
          nameEn: p.nameEn,
          shortNameZh: p.shortNameZh,
          shortNameEn: p.shortNameEn,
          county: p.county,
          clusterGroup: p.clusterGroup,
          level: p.level,
          plannedAreaKm2: p.plannedAreaKm2,
          industries: p.industries,
          infrastructureZh: p.infrastructureZh,
          infrastructureEn: p.infrastructureEn,
          descriptionZh: p.descriptionZh,
          descriptionEn: p.descriptionEn,
          centerLng: p.center[0],
          centerLat: p.center[1],
          boundary: boundaries.has(p.code) ? (boundaries.get(p.code) as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
          // A placeholder contact is not loaded: shown, it reads as a real office's number.
          ...publicContact(p.contact),
          addressZh: p.addressZh,
          addressEn: p.addressEn,
          sourceArticles: p.sourceArticles,
          sortOrder: index,
        })),
      });
      const parkIds = new Map((await tx.park.findMany({ select: { id: true, code: true } })).map((p) => [p.code, p.id]));
      const parkId = (code: string) => {
        const id = parkIds.get(code);
        if (!id) throw new Error(`Seed refers to unknown park "${code}"`);
        return id;
      };
      for (const p of parks) {
        if (p.parentCode) await tx.park.update({ where: { code: p.code }, data: { parentId: parkId(p.parentCode) } });
      }
      await tx.parkFigure.createMany({
        data: parks.flatMap((p) =>
          p.figures.map((f, index) => ({ ...f, asOf: f.asOf ?? null, parkId: parkId(p.code), sortOrder: index })),
        ),
      });
      await tx.zone.createMany({
        data: parks.flatMap((p) =>
          p.zones.map((z) => ({
            code: z.code,
            parkId: parkId(p.code),
            nameZh: z.nameZh,
            nameEn: z.nameEn,
            industries: z.industries,
            allowedLandUses: z.allowedLandUses,
            descriptionZh: z.descriptionZh,
            descriptionEn: z.descriptionEn,
          })),
        ),
      });
      const zoneIds = new Map((await tx.zone.findMany({ select: { id: true, code: true } })).map((z) => [z.code, z.id]));
      await seedCosts(tx, parkId, zoneIds);
      await tx.parcel.createMany({
        data: parcelRows.map(({ parkCode, zoneCode, ...row }) => ({
          ...row,
          parkId: parkId(parkCode),
          zoneId: zoneIds.get(zoneCode) ?? null,
        })),
      });
      const parcelIds = new Map((await tx.parcel.findMany({ select: { id: true, code: true } })).map((p) => [p.code, p.id]));
      await tx.parcelAdjacency.createMany({
        data: adjacency.map((e) => {
          const a = parcelIds.get(e.a)!;
          const b = parcelIds.get(e.b)!;
          // Stored with parcelAId < parcelBId on the database ids, whatever the codes' order.
          return a < b ? { parcelAId: a, parcelBId: b, sharedLengthM: e.sharedLengthM } : { parcelAId: b, parcelBId: a, sharedLengthM: e.sharedLengthM };
        }),
      });
      const taken = new Set<string>();
      for (const project of projects) {
        const site = pickProjectParcels(parcelRows, project.parkCode, project.zoneCode, project.landAreaHa, taken);
        await tx.enterpriseProject.create({
          data: {
            code: project.code,
            nameZh: project.nameZh,
            nameEn: project.nameEn,
            companyZh: project.companyZh,
            companyEn: project.companyEn,
            industry: project.industry,
            investmentCny: project.investmentCny === undefined ? null : BigInt(Math.round(project.investmentCny)),
            capacityZh: project.capacityZh,
            capacityEn: project.capacityEn,
            floorAreaM2: project.floorAreaM2,
            landAreaHa: project.landAreaHa,
            stage: project.stage,
            originCity: project.originCity,
            parkId: parkId(project.parkCode),
            signedOn: date(project.signedOn),
            groundbreakingOn: date(project.groundbreakingOn),
            trialProductionOn: date(project.trialProductionOn),
            productionOn: date(project.productionOn),
            descriptionZh: project.descriptionZh,
            descriptionEn: project.descriptionEn,
            sourceArticles: project.sourceArticles,
            parcels: { connect: site.map((code) => ({ id: parcelIds.get(code)! })) },
          },
        });
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  const available = parcelRows.filter((p) => p.status === "AVAILABLE").length;
  return {
    loaded: true,
    message: `Loaded the Jiangmen dataset: ${parks.length} parks, ${parcelRows.length} parcels (${available} available, illustrative geometry), ${adjacency.length} adjacencies, ${projects.length} enterprise projects.`,
  };
}

type ParcelRow = ReturnType<typeof toParcelRow>;

function toParcelRow(p: ParcelDraft) {
  const geometry = p.geometry as PolygonGeometry;
  const problems = validatePolygon(geometry);
  if (problems.length) throw new Error(`Parcel ${p.code} has invalid geometry: ${problems.join("; ")}`);
  const [minLng, minLat, maxLng, maxLat] = bboxOf(geometry);
  const [centroidLng, centroidLat] = centroidOf(geometry);
  const r = p.readiness;
  return {
    code: p.code,
    parkCode: p.parkCode,
    zoneCode: p.zoneCode,
    geometry: geometry as unknown as Prisma.InputJsonValue,
    geometryIllustrative: true,
    areaM2: polygonAreaM2(geometry),
    minLng,
    minLat,
    maxLng,
    maxLat,
    centroidLng,
    centroidLat,
    landUse: p.landUse,
    status: p.status,
    roadReadyOn: date(r.roadReadyOn),
    waterReadyOn: date(r.waterReadyOn),
    drainageReadyOn: date(r.drainageReadyOn),
    powerReadyOn: date(r.powerReadyOn),
    telecomReadyOn: date(r.telecomReadyOn),
    gasReadyOn: date(r.gasReadyOn),
    heatingReadyOn: date(r.heatingReadyOn),
    cableReadyOn: date(r.cableReadyOn),
    sewageReadyOn: date(r.sewageReadyOn),
    levelledOn: date(r.levelledOn),
    priceCnyPerMu: p.priceCnyPerMu,
    plotRatioMin: p.plotRatioMin,
    plotRatioMax: p.plotRatioMax,
    powerKva: p.powerKva,
    powerVoltageKv: p.powerVoltageKv,
    gasM3PerDay: p.gasM3PerDay,
    waterTPerDay: p.waterTPerDay,
    wastewaterTPerDay: p.wastewaterTPerDay,
    handoverOn: date(p.handoverOn),
    lastVerifiedOn: date(p.lastVerifiedOn)!,
  };
}

/** Sold or leased parcels of the project's park (zone if known), enough to cover its land. */
function pickProjectParcels(rows: ParcelRow[], parkCode: string, zoneCode: string | undefined, landAreaHa: number | undefined, taken: Set<string>): string[] {
  const candidates = rows
    .filter((p) => p.parkCode === parkCode && (p.status === "SOLD" || p.status === "LEASED") && !taken.has(p.code))
    .sort((a, b) => Number(b.zoneCode === zoneCode) - Number(a.zoneCode === zoneCode) || a.code.localeCompare(b.code));
  const target = (landAreaHa ?? 0) * M2_PER_HA;
  const chosen: string[] = [];
  let area = 0;
  for (const p of candidates) {
    if (chosen.length > 0 && area >= target) break;
    chosen.push(p.code);
    taken.add(p.code);
    area += p.areaM2;
  }
  return chosen;
}
