// How much illustrative land each park gets. Flagship platforms get the biggest grids. The
// fully-available blocks add up to more than the 19 contiguous >= 500-mu blocks the articles
// report city-wide, so search results show that scale of offer with some slack.
import type { County, LandUse } from "../../lib/generated/prisma/enums";
import { generateParkCadastre, type LngLat, type ParkCadastre } from "../cadastre";
import { createRng } from "../random";

export interface CadastrePlanEntry {
  parkCode: string;
  codePrefix: string;
  superBlocks: { cols: number; rows: number };
  fullyAvailableBlocks: number;
}

export const cadastrePlan: CadastrePlanEntry[] = [
  { parkCode: "xinhui-smart-manufacturing", codePrefix: "XH-SM", superBlocks: { cols: 4, rows: 3 }, fullyAvailableBlocks: 3 },
  { parkCode: "jiangmen-safety-emergency", codePrefix: "JM-SE", superBlocks: { cols: 4, rows: 3 }, fullyAvailableBlocks: 2 },
  { parkCode: "china-eu-cooperation-zone", codePrefix: "JM-EU", superBlocks: { cols: 4, rows: 3 }, fullyAvailableBlocks: 3 },
  { parkCode: "xinhui-silicon-energy", codePrefix: "XH-SI", superBlocks: { cols: 3, rows: 2 }, fullyAvailableBlocks: 1 },
  { parkCode: "xinhui-new-energy-battery", codePrefix: "XH-NB", superBlocks: { cols: 3, rows: 2 }, fullyAvailableBlocks: 2 },
  { parkCode: "jiangmu-dual-carbon", codePrefix: "JM-DC", superBlocks: { cols: 3, rows: 2 }, fullyAvailableBlocks: 1 },
  { parkCode: "taishan-industrial-new-city", codePrefix: "TS-IC", superBlocks: { cols: 4, rows: 3 }, fullyAvailableBlocks: 3 },
  { parkCode: "kaiping-plumbing-sanitary", codePrefix: "KP-PS", superBlocks: { cols: 2, rows: 2 }, fullyAvailableBlocks: 1 },
  { parkCode: "enping-cnc-machine-tools", codePrefix: "EP-CN", superBlocks: { cols: 2, rows: 2 }, fullyAvailableBlocks: 1 },
  { parkCode: "pengjiang-smart-home", codePrefix: "PJ-SH", superBlocks: { cols: 3, rows: 2 }, fullyAvailableBlocks: 1 },
  { parkCode: "guangdong-rail-transit", codePrefix: "GD-RT", superBlocks: { cols: 3, rows: 2 }, fullyAvailableBlocks: 1 },
  { parkCode: "zhuxi-new-materials", codePrefix: "ZX-NM", superBlocks: { cols: 3, rows: 2 }, fullyAvailableBlocks: 1 },
  { parkCode: "taishan-metal-materials", codePrefix: "TS-MM", superBlocks: { cols: 2, rows: 2 }, fullyAvailableBlocks: 1 },
  { parkCode: "yinhu-bay", codePrefix: "YH-BY", superBlocks: { cols: 3, rows: 2 }, fullyAvailableBlocks: 1 },
  { parkCode: "heshan-yayao", codePrefix: "HS-YY", superBlocks: { cols: 3, rows: 2 }, fullyAvailableBlocks: 1 },
];

export interface CadastrePark {
  code: string;
  center: LngLat;
  zones: { code: string; allowedLandUses: LandUse[] }[];
  /** Optional so any park list fits; ParkSeed has it and it sets the price level. */
  county?: County;
}

export const DEFAULT_CADASTRE_SEED = 20231019;

/**
 * Generates every planned park. Each park's stream is derived from (seed, park code), so adding,
 * removing or reordering parks leaves every other park's land exactly as it was.
 */
export function generateCadastre(
  parks: CadastrePark[],
  plan: CadastrePlanEntry[] = cadastrePlan,
  seed: number | string = DEFAULT_CADASTRE_SEED,
  asOf?: string,
): ParkCadastre[] {
  const byCode = new Map(parks.map((p) => [p.code, p]));
  const seenCodes = new Set<string>();
  const seenPrefixes = new Set<string>();
  return plan.map((entry) => {
    if (seenCodes.has(entry.parkCode)) throw new Error(`cadastre plan: park "${entry.parkCode}" is listed twice`);
    if (seenPrefixes.has(entry.codePrefix)) throw new Error(`cadastre plan: code prefix "${entry.codePrefix}" is used twice`);
    seenCodes.add(entry.parkCode);
    seenPrefixes.add(entry.codePrefix);
    const park = byCode.get(entry.parkCode);
    if (!park) throw new Error(`cadastre plan: no park with code "${entry.parkCode}"`);
    if (park.zones.length === 0) throw new Error(`cadastre plan: park "${entry.parkCode}" has no zones to put parcels in`);
    return generateParkCadastre(
      { ...entry, center: park.center, zones: park.zones, county: park.county, asOf },
      createRng(`${seed}:${entry.parkCode}`),
    );
  });
}
