// Status, servicing ("九通一平"), price and planning figures for the illustrative parcels.
// Everything is driven by a block's age (0 = developed first, 1 = prepared last), so the map reads
// like a real park: sold-out old quarters, newly serviced land for sale, land still being acquired.
import type { County, LandUse, ParcelStatus } from "../lib/generated/prisma/enums";
import type { Rng } from "./random";

export const DEFAULT_AS_OF = "2026-11-01";

export type ReadinessKey =
  | "roadReadyOn" | "waterReadyOn" | "drainageReadyOn" | "powerReadyOn" | "telecomReadyOn"
  | "gasReadyOn" | "heatingReadyOn" | "cableReadyOn" | "sewageReadyOn" | "levelledOn";
/** Each item: past date = ready, future date = planned, null = not planned. */
export type Readiness = Record<ReadinessKey, string | null>;

export interface ParcelAttributes {
  landUse: LandUse;
  status: ParcelStatus;
  readiness: Readiness;
  priceCnyPerMu: number | null;
  plotRatioMin: number;
  plotRatioMax: number;
  handoverOn: string | null;
  lastVerifiedOn: string;
  /** utility capacities, ILLUSTRATIVE (null = not stated): see capacities() */
  powerKva: number | null;
  powerVoltageKv: number | null;
  gasM3PerDay: number | null;
  waterTPerDay: number | null;
  wastewaterTPerDay: number | null;
}

export interface BlockFacts {
  age: number;
  fullyAvailable: boolean;
  allowedLandUses: LandUse[];
  parcelAreasM2: number[];
}

const DAY_MS = 86_400_000;
const toMs = (day: string): number => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    throw new Error(`cadastre: invalid date "${day}" (expected YYYY-MM-DD)`);
  }
  return Date.parse(`${day}T00:00:00Z`);
};
const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const addDays = (day: string, days: number): string => fromMs(toMs(day) + days * DAY_MS);
export function addMonths(day: string, months: number): string {
  const d = new Date(toMs(day));
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return fromMs(target.getTime());
}

/**
 * Indicative industrial land price per county, CNY/mu. Urban Pengjiang/Jianghai and Heshan (next
 * to Foshan) sit at the top of Jiangmen's range, the western county-level cities at the bottom.
 */
const COUNTY_BASE_PRICE: Record<County, number> = {
  PENGJIANG: 320_000, JIANGHAI: 310_000, HESHAN: 290_000, XINHUI: 270_000,
  TAISHAN: 215_000, KAIPING: 205_000, ENPING: 190_000,
};
const DEFAULT_BASE_PRICE = 250_000;

/** Price multiplier, selection weight and plot-ratio ranges ([min lo, min hi], [max lo, max hi]). */
const LAND_USE: Record<LandUse, { price: number; weight: number; min: [number, number]; max: [number, number] }> = {
  INDUSTRIAL_M1: { price: 1.0, weight: 5, min: [1.2, 1.5], max: [2.5, 3.5] },
  INDUSTRIAL_M2: { price: 0.95, weight: 4, min: [1.2, 1.4], max: [2.0, 3.0] },
  // Heavy plants need tall single-storey halls and safety distances, hence the low ratios.
  INDUSTRIAL_M3: { price: 0.9, weight: 1.5, min: [1.0, 1.2], max: [1.8, 2.5] },
  NEW_INDUSTRIAL_M0: { price: 1.2, weight: 2, min: [2.0, 2.5], max: [3.5, 4.0] },
  LOGISTICS_W: { price: 1.05, weight: 1.5, min: [1.0, 1.2], max: [2.0, 3.0] },
  SUPPORT_SERVICES: { price: 1.25, weight: 0.8, min: [1.0, 1.5], max: [2.5, 3.5] },
};

const CORE: ReadinessKey[] = ["roadReadyOn", "waterReadyOn", "drainageReadyOn", "powerReadyOn", "telecomReadyOn", "sewageReadyOn"];
const EXTRA: ReadinessKey[] = ["gasReadyOn", "heatingReadyOn", "cableReadyOn"];
const ALL: ReadinessKey[] = [...CORE, ...EXTRA, "levelledOn"];
/** What a buyer waits for before taking the land; handover follows the last of them. */
const HANDOVER_PREREQS: ReadinessKey[] = ["roadReadyOn", "waterReadyOn", "powerReadyOn", "levelledOn"];

/** Target share of each status in a park; `maturity` in [-1, 1] moves land from sale to sold. */
function statusShares(maturity: number): [ParcelStatus, number][] {
  return [
    ["SOLD", 0.175 + 0.035 * maturity],
    ["LEASED", 0.075 + 0.015 * maturity],
    ["UNDER_NEGOTIATION", 0.075],
    ["RESERVED", 0.1],
    ["NOT_OFFERED", 0.075],
    ["AVAILABLE", 0.5 - 0.05 * maturity],
  ];
}

/**
 * Quota-based rather than per-parcel dice, so each park lands near the city-wide mix; the order
 * in which quotas are filled (oldest land first) is what clusters statuses by super-block.
 */
function assignStatuses(blocks: BlockFacts[], rng: Rng): ParcelStatus[][] {
  const out = blocks.map((b) => b.parcelAreasM2.map((): ParcelStatus => "AVAILABLE"));
  const total = blocks.reduce((n, b) => n + b.parcelAreasM2.length, 0);
  const inFull = blocks.reduce((n, b) => n + (b.fullyAvailable ? b.parcelAreasM2.length : 0), 0);
  const quota = new Map(statusShares(rng.float(-1, 1)).map(([s, p]) => [s, Math.round(total * p)]));
  quota.delete("AVAILABLE");
  const others = (): number => [...quota.values()].reduce((a, b) => a + b, 0);
  // A small park that is mostly fully-available land simply has fewer parcels of other statuses.
  while (others() > total - inFull) {
    const [largest] = [...quota.entries()].sort((x, y) => y[1] - x[1])[0] as [ParcelStatus, number];
    quota.set(largest, (quota.get(largest) as number) - 1);
  }
  const q = (s: ParcelStatus): number => quota.get(s) as number;

  const open = blocks
    .flatMap((b, bi) => (b.fullyAvailable ? [] : b.parcelAreasM2.map((_, pi) => ({ bi, pi, key: b.age + rng.float(-0.03, 0.03) }))))
    .sort((x, y) => x.key - y.key);
  const old = open.slice(0, q("SOLD") + q("LEASED"));
  const newest = open.slice(open.length - q("NOT_OFFERED"));
  const middle = open.slice(old.length, open.length - newest.length);

  // Leased land is mostly multi-storey standard factories: whole blocks, not scattered lots.
  const leaseOrder = rng.shuffle([...new Set(old.map((e) => e.bi))]);
  const oldByBlock = leaseOrder.flatMap((bi) => old.filter((e) => e.bi === bi));
  oldByBlock.forEach((e, k) => ((out[e.bi] as ParcelStatus[])[e.pi] = k < q("LEASED") ? "LEASED" : "SOLD"));
  for (const e of newest) (out[e.bi] as ParcelStatus[])[e.pi] = "NOT_OFFERED";

  // Deals in progress sit mostly in the longer-marketed (older) part of the land still for sale.
  const pool = middle.map((e, k) => ({ e, w: 1.6 - k / Math.max(1, middle.length) }));
  for (let k = 0; k < q("UNDER_NEGOTIATION") + q("RESERVED") && pool.length > 0; k++) {
    const chosen = rng.weighted(pool.map((item, idx) => [idx, item.w] as const));
    const { e } = pool.splice(chosen, 1)[0] as (typeof pool)[number];
    (out[e.bi] as ParcelStatus[])[e.pi] = k < q("UNDER_NEGOTIATION") ? "UNDER_NEGOTIATION" : "RESERVED";
  }
  return out;
}

/** Servicing dates shared by a whole block: the road and mains reach a block at once. */
function blockReadiness(block: BlockFacts, asOf: string, rng: Rng): Readiness {
  const yearsAgo = Math.max(0.1, 0.3 + (1 - block.age) * 13 + rng.float(-1, 1));
  const base = addDays(asOf, -Math.round(yearsAgo * 365));
  const past = (from: string, spread: number, latest = -30): string => {
    const day = addDays(from, rng.int(0, spread));
    return toMs(day) > toMs(addDays(asOf, latest)) ? addDays(asOf, latest - rng.int(0, 60)) : day;
  };
  const future = (minDays: number, maxDays: number): string => addDays(asOf, rng.int(minDays, maxDays));
  const r = {} as Readiness;
  if (yearsAgo >= 1.5) {
    for (const k of CORE) r[k] = past(addDays(base, -300), 600);
    r.gasReadyOn = rng.chance(0.85) ? past(base, 900) : null;
    r.heatingReadyOn = rng.chance(0.45) ? past(base, 1500) : null; // industrial steam is not everywhere
    r.cableReadyOn = rng.chance(0.8) ? past(base, 900) : null;
    r.levelledOn = past(addDays(base, -400), 340);
  } else {
    for (const k of CORE) r[k] = rng.chance(0.55) ? past(base, 200, -15) : future(30, 540);
    r.gasReadyOn = rng.weighted([[past(base, 200, -15), 0.15], [future(90, 600), 0.5], [null, 0.35]]);
    r.heatingReadyOn = rng.chance(0.4) ? future(180, 600) : null;
    r.cableReadyOn = rng.weighted([[past(base, 200, -15), 0.2], [future(60, 540), 0.5], [null, 0.3]]);
    r.levelledOn = rng.chance(0.6) ? past(base, 200, -15) : future(30, 365);
  }
  if (block.fullyAvailable) {
    // What makes these blocks marketable as 500-mu lots: levelled, with road, water and power.
    for (const k of ["roadReadyOn", "waterReadyOn", "drainageReadyOn", "powerReadyOn", "levelledOn"] as const) {
      if (r[k] === null || toMs(r[k]) > toMs(asOf)) r[k] = addDays(asOf, -rng.int(30, 540));
    }
  }
  return r;
}

type Capacities = Pick<ParcelAttributes, "powerKva" | "powerVoltageKv" | "gasM3PerDay" | "waterTPerDay" | "wastewaterTPerDay">;
const NONE: Capacities = { powerKva: null, powerVoltageKv: null, gasM3PerDay: null, waterTPerDay: null, wastewaterTPerDay: null };
const roundTo = (n: number, step: number) => Math.max(step, Math.round(n / step) * step);

/**
 * Illustrative utility capacities, so the search's capacity filters have data: power scales with
 * the parcel's size at a block's own kVA per mu (a grid substation serves a whole block), the
 * voltage level follows the load (10 kV feeders, 20 kV, 110 kV for the largest), gas only where
 * gas is connected or planned, wastewater 80% of water. Land not yet offered states nothing, and
 * about one parcel in ten leaves the figures unstated, as real land registers do.
 */
function capacities(areaM2: number, status: ParcelStatus, readiness: Readiness, kvaPerMu: number, rng: Rng): Capacities {
  if (status === "NOT_OFFERED" || rng.chance(0.1)) return NONE;
  const mu = areaM2 / (10000 / 15);
  const powerKva = roundTo(mu * kvaPerMu * rng.float(0.9, 1.1), 50);
  const water = roundTo(mu * rng.float(3, 8), 10);
  return {
    powerKva,
    powerVoltageKv: powerKva >= 20_000 ? 110 : powerKva >= 8_000 ? 20 : 10,
    gasM3PerDay: readiness.gasReadyOn === null ? null : roundTo(mu * rng.float(20, 60), 100),
    waterTPerDay: water,
    wastewaterTPerDay: roundTo(water * 0.8, 10),
  };
}

export function assignAttributes(
  blocks: BlockFacts[],
  opts: { asOf: string; county?: County },
  rng: Rng,
): ParcelAttributes[][] {
  const { asOf } = opts;
  const asOfMs = toMs(asOf);
  const statuses = assignStatuses(blocks, rng.fork("status"));
  const dates = rng.fork("dates");
  const priceRng = rng.fork("price");
  const useRng = rng.fork("land-use");
  // Its own stream: adding capacities changed none of the figures the other streams draw.
  const capRng = rng.fork("capacity");
  const basePrice = opts.county ? COUNTY_BASE_PRICE[opts.county] : DEFAULT_BASE_PRICE;
  const parkFactor = priceRng.float(0.9, 1.1);
  const latestHandover = toMs(addMonths(asOf, 24));

  return blocks.map((block, bi) => {
    if (block.allowedLandUses.length === 0) throw new Error("cadastre: a zone has no allowed land uses");
    const shared = blockReadiness(block, asOf, dates);
    const blockPrice = basePrice * parkFactor * priceRng.float(0.92, 1.08);
    const uses = block.allowedLandUses.map((u) => [u, LAND_USE[u].weight] as const);
    const dominant = useRng.weighted(uses);
    const kvaPerMu = capRng.float(40, 120);

    return block.parcelAreasM2.map((areaM2, pi): ParcelAttributes => {
      const status = (statuses[bi] as ParcelStatus[])[pi] as ParcelStatus;
      // Support services (canteens, dormitories, offices) take the small leftover lots.
      const small = uses.map(([u, w]) => [u, u === "SUPPORT_SERVICES" && areaM2 > 50 * 666.67 ? 0 : w] as const);
      const fallback = small.some(([, w]) => w > 0) ? small : uses;
      const landUse = useRng.chance(0.75) && (dominant !== "SUPPORT_SERVICES" || areaM2 <= 50 * 666.67) ? dominant : useRng.weighted(fallback);

      const readiness = { ...shared };
      if (status === "SOLD" || status === "LEASED") {
        for (const k of ALL) {
          const d = readiness[k];
          if (d === null || toMs(d) > asOfMs) readiness[k] = addDays(asOf, -dates.int(30, 720));
        }
      } else if (status === "NOT_OFFERED") {
        // Not yet acquired or cleared: nobody has levelled it, or it is only scheduled.
        readiness.levelledOn = dates.chance(0.6) ? null : addDays(asOf, dates.int(120, 600));
      } else if (readiness.levelledOn && toMs(readiness.levelledOn) <= asOfMs) {
        readiness.levelledOn = addDays(readiness.levelledOn, -dates.int(0, 60));
      }

      let handoverOn: string | null = null;
      if (status === "AVAILABLE" || status === "RESERVED" || status === "UNDER_NEGOTIATION") {
        const earliest = asOfMs + dates.int(-60, block.fullyAvailable ? 180 : 420) * DAY_MS;
        const prereqs = HANDOVER_PREREQS.map((k) => readiness[k]).filter((d): d is string => d !== null);
        const readyBy = Math.max(...prereqs.map(toMs)) + dates.int(0, 45) * DAY_MS;
        handoverOn = fromMs(Math.min(latestHandover, Math.max(earliest, readyBy, asOfMs - 60 * DAY_MS)));
      }

      const rule = LAND_USE[landUse];
      const min = Math.round(priceRng.float(...rule.min) * 10) / 10;
      const max = Math.max(min + 0.5, Math.round(priceRng.float(...rule.max) * 10) / 10);
      // Sold and leased prices are historical transactions: older land went for less.
      const history = status === "SOLD" || status === "LEASED" ? 0.8 + 0.2 * block.age : 1;
      const raw = blockPrice * rule.price * history * priceRng.float(0.96, 1.04);
      const price = Math.min(450_000, Math.max(150_000, Math.round(raw / 1000) * 1000));
      const open = status === "AVAILABLE" || status === "RESERVED" || status === "UNDER_NEGOTIATION";

      return {
        landUse,
        status,
        readiness,
        priceCnyPerMu: status === "NOT_OFFERED" ? null : price,
        plotRatioMin: min,
        plotRatioMax: Math.round(max * 10) / 10,
        handoverOn,
        lastVerifiedOn: addDays(asOf, -(open ? dates.int(0, 90) : dates.int(20, 179))),
        ...capacities(areaM2, status, readiness, kvaPerMu, capRng),
      };
    });
  });
}
