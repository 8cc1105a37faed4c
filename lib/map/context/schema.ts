// The maps' offline context layer: what jiangmen-context.json holds (built by
// scripts/context-geodata.ts) plus the curated town list. Pure and browser-safe.
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon } from "geojson";

/** [west, south, east, north]: Jiangmen and the western Pearl River Delta around it. */
export const CONTEXT_BBOX: [number, number, number, number] = [111.6, 21.4, 114.4, 23.5];

export const COUNTY_NAMES: Record<string, { id: string; zh: string; en: string }> = {
  蓬江区: { id: "pengjiang", zh: "蓬江区", en: "Pengjiang" },
  江海区: { id: "jianghai", zh: "江海区", en: "Jianghai" },
  新会区: { id: "xinhui", zh: "新会区", en: "Xinhui" },
  台山市: { id: "taishan", zh: "台山市", en: "Taishan" },
  开平市: { id: "kaiping", zh: "开平市", en: "Kaiping" },
  鹤山市: { id: "heshan", zh: "鹤山市", en: "Heshan" },
  恩平市: { id: "enping", zh: "恩平市", en: "Enping" },
};

export interface CountyProps {
  kind: "county";
  id: string;
  nameZh: string;
  nameEn: string;
  labelLng: number;
  labelLat: number;
}
export type ContextFeature = Feature<MultiPolygon, CountyProps> | Feature<MultiLineString, { kind: "coast" }>;
export interface ContextCollection extends FeatureCollection {
  features: ContextFeature[];
  provenance: Record<string, string>;
}

export interface Place {
  id: string;
  nameZh: string;
  nameEn: string;
  lng: number;
  lat: number;
  /** the lowest zoom the label shows at: towns only once the map is closer than the city view */
  minZoom: number;
  /** a neighbouring city outside Jiangmen, drawn in grey */
  outside?: boolean;
}

/**
 * Town centres and the neighbouring cities. APPROXIMATE (placed from public maps to within
 * about a kilometre, for orientation only).
 */
export const PLACES: readonly Place[] = [
  { id: "jiangmen", nameZh: "江门市区", nameEn: "Jiangmen city", lng: 113.081, lat: 22.579, minZoom: 10 },
  { id: "huicheng", nameZh: "会城", nameEn: "Huicheng", lng: 113.032, lat: 22.521, minZoom: 10 },
  { id: "taicheng", nameZh: "台城", nameEn: "Taicheng", lng: 112.787, lat: 22.252, minZoom: 9 },
  { id: "sanbu", nameZh: "三埠", nameEn: "Sanbu", lng: 112.681, lat: 22.366, minZoom: 9 },
  { id: "shaping", nameZh: "沙坪", nameEn: "Shaping", lng: 112.958, lat: 22.768, minZoom: 9 },
  { id: "encheng", nameZh: "恩城", nameEn: "Encheng", lng: 112.305, lat: 22.183, minZoom: 9 },
  { id: "yamen", nameZh: "崖门", nameEn: "Yamen", lng: 113.083, lat: 22.262, minZoom: 10 },
  { id: "guanghai", nameZh: "广海", nameEn: "Guanghai", lng: 112.784, lat: 21.958, minZoom: 10 },
  { id: "doushan", nameZh: "斗山", nameEn: "Doushan", lng: 112.694, lat: 22.083, minZoom: 10 },
  { id: "shangchuan", nameZh: "上川岛", nameEn: "Shangchuan Island", lng: 112.77, lat: 21.7, minZoom: 9 },
  { id: "guangzhou", nameZh: "广州", nameEn: "Guangzhou", lng: 113.264, lat: 23.129, minZoom: 7, outside: true },
  { id: "foshan", nameZh: "佛山", nameEn: "Foshan", lng: 113.122, lat: 23.021, minZoom: 8, outside: true },
  { id: "zhongshan", nameZh: "中山", nameEn: "Zhongshan", lng: 113.393, lat: 22.517, minZoom: 7, outside: true },
  { id: "zhuhai", nameZh: "珠海", nameEn: "Zhuhai", lng: 113.577, lat: 22.271, minZoom: 7, outside: true },
  { id: "macao", nameZh: "澳门", nameEn: "Macao", lng: 113.549, lat: 22.199, minZoom: 8, outside: true },
  { id: "shenzhen", nameZh: "深圳", nameEn: "Shenzhen", lng: 114.058, lat: 22.543, minZoom: 7, outside: true },
  { id: "hongkong", nameZh: "香港", nameEn: "Hong Kong", lng: 114.169, lat: 22.319, minZoom: 7, outside: true },
];

export interface MapLabel {
  id: string;
  text: string;
  lng: number;
  lat: number;
  kind: "county" | "town" | "city";
}

/**
 * The labels to show at a zoom: county names from city scale up to block scale (past zoom 13 a
 * block fills the map and a county name only covers it), towns past their own zoom.
 */
export function labelsAt(zoom: number, locale: string, counties: readonly CountyProps[], places: readonly Place[] = PLACES): MapLabel[] {
  const name = (x: { nameZh: string; nameEn: string }) => (locale === "zh" ? x.nameZh : x.nameEn);
  if (zoom >= 13) return [];
  return [
    ...counties.map((c) => ({ id: `county-${c.id}`, text: name(c), lng: c.labelLng, lat: c.labelLat, kind: "county" as const })),
    ...places.filter((p) => zoom >= p.minZoom).map((p) => ({ id: `place-${p.id}`, text: name(p), lng: p.lng, lat: p.lat, kind: p.outside ? ("city" as const) : ("town" as const) })),
  ];
}
