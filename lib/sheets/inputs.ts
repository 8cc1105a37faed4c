// What the sheet models are built from: plain rows the loaders read (lib/sheets/queries.ts).
import type { TermsValues } from "../costs/terms-schemas";
import type { LandUse, ParcelStatus } from "../generated/prisma/enums";
import type { RatesLike } from "../money/converted-text";
import type { PolygonGeometry } from "../land/geometry";
import type { ReadinessKey } from "../land/readiness";
import type { NearestPoint } from "../location/distance";
import type { ParkContact } from "../parks/contact";

export interface Named {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface SheetParcel {
  code: string;
  status: ParcelStatus;
  landUse: LandUse;
  areaM2: number;
  priceCnyPerMu: number | null;
  plotRatioMin: number | null;
  plotRatioMax: number | null;
  handoverOn: string | null;
  lastVerifiedOn: string;
  readiness: Record<ReadinessKey, string | null>;
  powerKva: number | null;
  powerVoltageKv: number | null;
  gasM3PerDay: number | null;
  waterTPerDay: number | null;
  wastewaterTPerDay: number | null;
  geometry: PolygonGeometry;
  illustrative: boolean;
  centroid: { lng: number; lat: number };
  park: Named;
  zone: Named | null;
}

/** Allotment conditions after the zone's fields override the park's (null = not stated). */
export type SheetTerms = TermsValues;

export interface SheetArticle {
  id: string;
  titleZh: string;
  titleEn: string;
  publisher: string;
  publishedOn: string;
}

export interface SheetParkInfo extends Named {
  contact: ParkContact | null;
  addressZh: string | null;
  addressEn: string | null;
  sourceArticles: string[];
}

export interface SheetNeighbour {
  geometry: PolygonGeometry;
  illustrative: boolean;
}

/** What every sheet has besides its subject. */
export interface SheetContext {
  /** the live page, absolute */
  url: string;
  now: Date;
  /** articles by id (sources are shown by title, never by code) */
  articles: ReadonlyMap<string, SheetArticle>;
  distances: NearestPoint[];
  /** the admin-set exchange rates (lib/money/rates.ts); absent or empty: the costs are CNY only */
  rates?: RatesLike;
}
