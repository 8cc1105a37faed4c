// The park data sheet's content, in one language. Pure (see block-model.ts).
import type { County, Industry, ParcelStatus, ParkLevel } from "../generated/prisma/enums";
import { formatFigure } from "../i18n/format";
import { pick } from "../i18n/localized";
import type { PolygonGeometry } from "../land/geometry";
import { M2_PER_MU } from "../land/units";
import type { SheetContext, SheetParkInfo, SheetTerms } from "./inputs";
import { sheetMap } from "./map-model";
import { areaRows, contactSection, distanceSection, priceText, sourcesSection, termsSection } from "./sections";
import { num, sheetFileName, sheetTranslator, type SheetLocale, type SheetModel } from "./sheet";

const S = "investor.sheets";

export interface ParkSheetInput {
  locale: SheetLocale;
  park: SheetParkInfo & {
    level: ParkLevel;
    county: County | null;
    plannedAreaKm2: number | null;
    industries: Industry[];
    zones: { nameZh: string; nameEn: string; industries: Industry[] }[];
    figures: { labelZh: string; labelEn: string; value: number; unit: string; asOf: string | null; articleId: string }[];
  };
  parcels: { code: string; status: ParcelStatus; areaM2: number; priceCnyPerMu: number | null; geometry: PolygonGeometry; illustrative: boolean; lastVerifiedOn: string }[];
  terms: SheetTerms | null;
  ctx: SheetContext;
}

const STATUS_ORDER: ParcelStatus[] = ["AVAILABLE", "RESERVED", "UNDER_NEGOTIATION", "SOLD", "LEASED", "NOT_OFFERED"];

export function parkSheet(input: ParkSheetInput): SheetModel {
  const { locale, park, parcels, ctx } = input;
  const t = sheetTranslator(locale);
  const name = pick(locale, park.nameZh, park.nameEn);
  const kind = t(`${S}.kind.park`);
  const sep = locale === "zh" ? "、" : ", ";
  const available = parcels.filter((p) => p.status === "AVAILABLE");
  const availableM2 = available.reduce((a, p) => a + p.areaM2, 0);
  const prices = available.map((p) => p.priceCnyPerMu).filter((v): v is number => v !== null);
  const counts = new Map<ParcelStatus, number>();
  for (const p of parcels) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  const statuses = [...counts.keys()].sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b));
  // The park is as fresh as its least recently checked parcel.
  const verifiedOn = parcels.length ? parcels.map((p) => p.lastVerifiedOn).reduce((a, b) => (a < b ? a : b)) : null;
  const ns = t(`${S}.value.notStated`);
  return {
    locale,
    kind,
    title: t(`${S}.parkTitle`, { park: name }),
    subtitle: `${t(`${S}.portal`)} · ${kind}`,
    map: sheetMap(parcels.map((p) => ({ geometry: p.geometry, illustrative: p.illustrative, highlight: p.status === "AVAILABLE" })), locale, "all"),
    sections: [
      {
        heading: t(`${S}.section.figures`),
        rows: [
          { label: t(`${S}.row.level`), value: t(`parkLevel.${park.level}`) },
          { label: t(`${S}.row.county`), value: park.county ? t(`county.${park.county}`) : ns },
          { label: t(`${S}.row.plannedArea`), value: park.plannedAreaKm2 === null ? ns : formatFigure(locale, park.plannedAreaKm2, "km2") },
          { label: t(`${S}.row.industries`), value: park.industries.length ? park.industries.map((i) => t(`industry.${i}`)).join(sep) : ns },
          { label: t(`${S}.row.parcelCount`), value: String(parcels.length) },
          { label: t(`${S}.row.parcelsByStatus`), value: statuses.length ? statuses.map((s) => t(`${S}.value.statusCount`, { status: t(`parcelStatus.${s}`), count: counts.get(s)! })).join(sep) : t(`${S}.value.none`) },
          { label: t(`${S}.row.available`), value: t(`${S}.value.mu`, { value: num(locale, availableM2 / M2_PER_MU, 1) }) },
          ...areaRows(t, locale, availableM2).slice(1),
          { label: t(`${S}.row.priceRange`), value: prices.length ? priceText(t, locale, Math.min(...prices), Math.max(...prices)) : ns },
        ],
      },
      ...(park.zones.length
        ? [{ heading: t(`${S}.section.zones`), rows: [], lines: park.zones.map((z) => t(`${S}.value.zone`, { name: pick(locale, z.nameZh, z.nameEn), industries: z.industries.map((i) => t(`industry.${i}`)).join(sep) || ns })) }]
        : []),
      termsSection(t, locale, input.terms, ctx.articles),
      ...(park.figures.length
        ? [{
            heading: t(`${S}.section.parkFigures`),
            rows: [],
            lines: park.figures.map((f) => {
              const label = pick(locale, f.labelZh, f.labelEn);
              const value = formatFigure(locale, f.value, f.unit);
              return f.asOf ? t(`${S}.value.figureAsOf`, { label, value, asOf: f.asOf }) : t(`${S}.value.figure`, { label, value });
            }),
          }]
        : []),
      distanceSection(t, locale, ctx.distances),
      contactSection(t, locale, [park]),
      sourcesSection(t, locale, { codes: [...park.sourceArticles, ...park.figures.map((f) => f.articleId)], articles: ctx.articles, verifiedOn, now: ctx.now }),
    ],
    url: ctx.url,
    linkNote: t(`${S}.note.link`),
    footer: parcels.some((p) => p.illustrative) ? `${t(`${S}.note.mapPark`)} ${t(`${S}.note.illustrative`)}` : t(`${S}.note.mapPark`),
    fileName: sheetFileName(["jiangmen", "park", park.code, locale], [kind, name]),
  };
}
