// What the sheet models are built from: plain rows the loaders read (lib/sheets/queries.ts).
import type { ArticleRef } from "../articles/queries";
import type { TermsValues } from "../costs/terms-schemas";
import type { ParcelDto } from "../land/queries";
import type { RatesLike } from "../money/converted-text";
import type { PolygonGeometry } from "../land/geometry";
import type { NearestPoint } from "../location/distance";
import type { ParkContact } from "../parks/contact";

export interface Named {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A subject parcel: what the block and parcel pages read (lib/land/queries.ts). */
export type SheetParcel = ParcelDto;

/** Allotment conditions after the zone's fields override the park's (null = not stated). */
export type SheetTerms = TermsValues;

/** A cited article (lib/articles/queries.ts). */
export type SheetArticle = ArticleRef;

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
