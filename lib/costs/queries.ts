// Reads for the investor pages' costs and capacities: the allotment terms that apply to some
// parcels (their parks' and zones'), a park's terms with its zones', the parcels' utility
// capacities, and the titles of the articles the terms cite. A few batched queries each.
import { articlesFor, listArticles } from "../articles/queries";
import type { DbClient } from "../db/client";
import { TERMS_SELECT, termsOfRow } from "./terms-mutations";
import { resolveTerms, type ResolvedTerms } from "./terms-resolve";
import { ILLUSTRATIVE, type TermsValues } from "./terms-schemas";

export interface Named {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A source as shown: an article by its title (with its date), or a web address. */
export type SourceDto = { kind: "article"; id: string; titleZh: string; titleEn: string; publisher: string; publishedOn: string } | { kind: "url"; url: string } | { kind: "illustrative" };

export interface TermsPlace {
  park: Named;
  zone: Named | null;
  terms: ResolvedTerms;
  sources: SourceDto[];
}

export interface CapacityRow {
  code: string;
  areaM2: number;
  powerKva: number | null;
  powerVoltageKv: number | null;
  gasM3PerDay: number | null;
  waterTPerDay: number | null;
  wastewaterTPerDay: number | null;
  /** a seeded parcel: its capacities are illustrative too */
  geometryIllustrative: boolean;
}

const named = { code: true, nameZh: true, nameEn: true } as const;

async function sourcesOf(db: DbClient, codes: string[]): Promise<Map<string, SourceDto>> {
  const ids = codes.filter((c) => /^\d{3}$/.test(c));
  const out = new Map<string, SourceDto>();
  for (const a of ids.length ? articlesFor(ids, await listArticles(db)) : []) out.set(a.id, { kind: "article", ...a });
  for (const c of codes) {
    if (c === ILLUSTRATIVE) out.set(c, { kind: "illustrative" });
    else if (!out.has(c) && /^https?:\/\//.test(c)) out.set(c, { kind: "url", url: c });
  }
  // An article code no article has is left out: a bare "007" tells an investor nothing.
  return out;
}

async function places(db: DbClient, pairs: { parkId: string; zoneId: string | null }[]): Promise<TermsPlace[]> {
  const parkIds = [...new Set(pairs.map((p) => p.parkId))];
  const zoneIds = [...new Set(pairs.map((p) => p.zoneId).filter((z): z is string => z !== null))];
  const [parks, zones, terms] = await Promise.all([
    db.park.findMany({ where: { id: { in: parkIds } }, select: { id: true, ...named } }),
    zoneIds.length ? db.zone.findMany({ where: { id: { in: zoneIds } }, select: { id: true, ...named } }) : Promise.resolve([]),
    db.allotmentTerms.findMany({ where: { OR: [{ parkId: { in: parkIds } }, ...(zoneIds.length ? [{ zoneId: { in: zoneIds } }] : [])] }, select: { ...TERMS_SELECT, parkId: true, zoneId: true } }),
  ]);
  const parkTerms = new Map<string, TermsValues>(), zoneTerms = new Map<string, TermsValues>();
  for (const t of terms) {
    const v = termsOfRow(t as unknown as Record<string, unknown>);
    if (t.parkId) parkTerms.set(t.parkId, v);
    if (t.zoneId) zoneTerms.set(t.zoneId, v);
  }
  const resolved = pairs.map((p) => resolveTerms(parkTerms.get(p.parkId) ?? null, p.zoneId ? (zoneTerms.get(p.zoneId) ?? null) : null));
  const sources = await sourcesOf(db, [...new Set(resolved.flatMap((r) => r.sources?.value ?? []))]);
  const parkById = new Map(parks.map((p) => [p.id, p])), zoneById = new Map(zones.map((z) => [z.id, z]));
  return pairs.flatMap((p, i) => {
    const park = parkById.get(p.parkId);
    if (!park) return [];
    const zone = p.zoneId ? (zoneById.get(p.zoneId) ?? null) : null;
    const r = resolved[i]!;
    return [{
      park: { code: park.code, nameZh: park.nameZh, nameEn: park.nameEn },
      zone: zone ? { code: zone.code, nameZh: zone.nameZh, nameEn: zone.nameEn } : null,
      terms: r,
      sources: (r.sources?.value ?? []).map((s) => sources.get(s)).filter((s): s is SourceDto => s !== undefined),
    }];
  });
}

/** The terms that apply to these parcels: one entry per park and zone they lie in, in code order. */
export async function termsForParcels(db: DbClient, codes: string[]): Promise<TermsPlace[]> {
  if (!codes.length) return [];
  const rows = await db.parcel.findMany({ where: { code: { in: codes } }, select: { parkId: true, zoneId: true }, distinct: ["parkId", "zoneId"] });
  const out = await places(db, rows);
  return out.sort((a, b) => (a.park.code + (a.zone?.code ?? "")).localeCompare(b.park.code + (b.zone?.code ?? "")));
}

/** A park's own terms, then each of its zones that states any term of its own. */
export async function termsForPark(db: DbClient, parkCode: string): Promise<TermsPlace[] | null> {
  const park = await db.park.findUnique({ where: { code: parkCode }, select: { id: true, zones: { where: { allotment: { isNot: null } }, select: { id: true }, orderBy: { code: "asc" } } } });
  if (!park) return null;
  return places(db, [{ parkId: park.id, zoneId: null }, ...park.zones.map((z) => ({ parkId: park.id, zoneId: z.id }))]);
}

export async function capacitiesOf(db: DbClient, codes: string[]): Promise<CapacityRow[]> {
  if (!codes.length) return [];
  return db.parcel.findMany({
    where: { code: { in: codes } },
    select: { code: true, areaM2: true, geometryIllustrative: true, powerKva: true, powerVoltageKv: true, gasM3PerDay: true, waterTPerDay: true, wastewaterTPerDay: true },
    orderBy: { code: "asc" },
  });
}

/** The asking prices (CNY/mu) of a park's parcels on offer: what the park page's costs show. */
export async function parkPriceRange(db: DbClient, parkCode: string): Promise<{ min: number; max: number; parcels: number } | null> {
  const r = await db.parcel.aggregate({ where: { park: { code: parkCode }, status: "AVAILABLE", priceCnyPerMu: { not: null } }, _min: { priceCnyPerMu: true }, _max: { priceCnyPerMu: true }, _count: { _all: true } });
  return r._min.priceCnyPerMu === null || r._max.priceCnyPerMu === null ? null : { min: r._min.priceCnyPerMu, max: r._max.priceCnyPerMu, parcels: r._count._all };
}
