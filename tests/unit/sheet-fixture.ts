// A two-parcel block as the loaders would hand it to the sheet models (figures chosen so every
// rule shows: a capacity stated on one parcel only, a zone overriding its park's conditions).
import type { BlockSheetInput } from "@/lib/sheets/block-model";
import type { SheetParcel } from "@/lib/sheets/inputs";
import { nearestByKind } from "@/lib/location/distance";

const square = (lng: number, lat: number, d: number) => ({
  type: "Polygon" as const,
  coordinates: [[[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]] as [number, number][]],
});
const none = { road: null, water: null, drainage: null, power: null, telecom: null, gas: null, heating: null, cable: null, sewage: null, levelled: null };
const park = { code: "xinhui-smart-manufacturing", nameZh: "新会智造产业园", nameEn: "Xinhui Smart Manufacturing Park" };
const zone = { code: "xh-fengshanhu", nameZh: "凤山湖园区", nameEn: "Fengshan Lake Area" };

export const parcelA: SheetParcel = {
  code: "XH-SM-B01-P01", status: "AVAILABLE", landUse: "INDUSTRIAL_M2", areaM2: 80_000, priceCnyPerMu: 250_000,
  plotRatioMin: 1.2, plotRatioMax: 3, handoverOn: "2027-03-31", lastVerifiedOn: "2026-10-12",
  readiness: { ...none, road: "2026-01-15", water: "2026-01-15", power: "2027-02-01", levelled: "2025-11-30" },
  powerKva: 8000, powerVoltageKv: 10, gasM3PerDay: 3000, waterTPerDay: 1500, wastewaterTPerDay: null,
  geometry: square(113.05, 22.4, 0.002), illustrative: true, centroid: { lng: 113.051, lat: 22.401 }, parkId: "park-xinhui", zoneId: "zone-fengshanhu", park, zone,
};
export const parcelB: SheetParcel = {
  ...parcelA, code: "XH-SM-B01-P02", areaM2: 40_000, priceCnyPerMu: 270_000, plotRatioMin: 1.5, plotRatioMax: 2.5,
  readiness: { ...none, road: "2026-05-01", water: "2026-01-15", power: "2027-04-30", levelled: "2025-11-30", gas: "2026-06-01" },
  powerKva: 4000, powerVoltageKv: 20, gasM3PerDay: null, waterTPerDay: 500,
  geometry: square(113.052, 22.4, 0.002), centroid: { lng: 113.053, lat: 22.401 },
};

export const NOW = new Date("2026-12-01T04:00:00Z");

export const blockInput = (locale: "zh" | "en"): BlockSheetInput => ({
  locale,
  block: { key: "XH-SM-B01-P01", areaM2: 120_000, parcelCount: 2, priceMin: 250_000, priceMax: 270_000, indicativeTotalCny: 46_000_000, readyOn: "2027-04-30", verifiedOn: "2026-10-12" },
  parcels: [parcelA, parcelB],
  neighbours: [{ geometry: square(113.054, 22.4, 0.002), illustrative: true }],
  terms: {
    minInvestmentWanPerMu: 300, taxWanPerMuYear: 20, plotRatioMin: 1.2, plotRatioMax: null, buildingDensityMinPct: 30, buildingDensityMaxPct: 60,
    landUseTermYears: 50, methods: ["LISTING", "AUCTION"], incentivesZh: "固定资产投资奖励", incentivesEn: "Grant on fixed-asset investment", sources: ["003", "https://www.jiangmen.gov.cn/x"],
  },
  parks: [{ ...park, contact: { nameZh: "招商局", nameEn: "Investment Promotion Bureau", phone: "+86 750 612 3456", email: null }, addressZh: "江门市新会区", addressEn: null, sourceArticles: ["003"] }],
  ctx: {
    url: "https://invest.example.cn/en/blocks/XH-SM-B01-P01?minArea=100",
    now: NOW,
    articles: new Map([["003", { id: "003", titleZh: "新会智造", titleEn: "Xinhui makes", publisher: "Jiangmen Daily (江门日报)", publishedOn: "2024-05-01" }]]),
    distances: nearestByKind({ lng: 113.052, lat: 22.401 }),
  },
});
