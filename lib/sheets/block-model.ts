// The block and parcel data sheets' content, in one language. Pure: the loaders hand over rows,
// the renderer lays the result out (lib/sheets/render-pdf.ts); unit-tested line by line.
import { chinaDate } from "../calendar/china-time";
import { pick } from "../i18n/localized";
import { M2_PER_MU } from "../land/units";
import type { SheetContext, SheetNeighbour, SheetParcel, SheetParkInfo, SheetTerms } from "./inputs";
import { sheetMap } from "./map-model";
import { areaRows, capacitySection, contactSection, costsSection, distanceSection, priceText, readinessSection, sourcesSection, termsSection } from "./sections";
import { num, sheetFileName, sheetTranslator, type SheetLocale, type SheetModel, type SheetRow } from "./sheet";

const S = "investor.sheets";

export interface BlockSheetInput {
  locale: SheetLocale;
  /** the block as the search summarised it (lib/search/search.ts BlockResult) */
  block: { key: string; areaM2: number; parcelCount: number; priceMin: number | null; priceMax: number | null; indicativeTotalCny: number | null; readyOn: string | null; verifiedOn: string | null };
  /** the members, in code order */
  parcels: SheetParcel[];
  neighbours: SheetNeighbour[];
  terms: SheetTerms | null;
  parks: SheetParkInfo[];
  ctx: SheetContext;
}

const join = (locale: SheetLocale, items: string[]) => [...new Set(items)].join(locale === "zh" ? "、" : ", ");

function landRows(input: { locale: SheetLocale; parcels: SheetParcel[] }, t: ReturnType<typeof sheetTranslator>): SheetRow[] {
  const { locale, parcels } = input;
  const ratios = parcels.flatMap((p) => [p.plotRatioMin, p.plotRatioMax]).filter((v): v is number => v !== null);
  const zones = parcels.map((p) => p.zone).filter((z) => z !== null);
  return [
    { label: t(`${S}.row.park`), value: join(locale, parcels.map((p) => pick(locale, p.park.nameZh, p.park.nameEn))) },
    ...(zones.length ? [{ label: t(`${S}.row.zone`), value: join(locale, zones.map((z) => pick(locale, z.nameZh, z.nameEn))) }] : []),
    { label: t(`${S}.row.landUse`), value: join(locale, parcels.map((p) => t(`landUse.${p.landUse}`))) },
    {
      label: t(`${S}.row.plotRatio`),
      value: ratios.length ? (Math.min(...ratios) === Math.max(...ratios) ? num(locale, ratios[0]!, 2) : t(`${S}.value.range`, { min: num(locale, Math.min(...ratios), 2), max: num(locale, Math.max(...ratios), 2) })) : t(`${S}.value.notStated`),
    },
  ];
}

export function blockSheet(input: BlockSheetInput): SheetModel {
  const { locale, block, parcels, ctx } = input;
  const t = sheetTranslator(locale);
  const today = chinaDate(ctx.now);
  const mu = num(locale, block.areaM2 / M2_PER_MU, 0);
  const parkName = join(locale, parcels.map((p) => pick(locale, p.park.nameZh, p.park.nameEn)));
  const kind = t(`${S}.kind.block`);
  return {
    locale,
    kind,
    title: t(`${S}.blockTitle`, { mu, park: parkName }),
    subtitle: `${t(`${S}.portal`)} · ${kind} · ${block.key}`,
    map: sheetMap(
      [...input.neighbours.map((n) => ({ ...n, highlight: false })), ...parcels.map((p) => ({ geometry: p.geometry, illustrative: p.illustrative, highlight: true }))],
      locale,
    ),
    sections: [
      {
        heading: t(`${S}.section.figures`),
        rows: [
          ...areaRows(t, locale, block.areaM2),
          { label: t(`${S}.row.parcelCount`), value: String(block.parcelCount) },
          ...landRows(input, t),
          { label: t(`${S}.row.readyOn`), value: block.readyOn ?? t(`${S}.value.notStated`) },
        ],
      },
      readinessSection(t, parcels, today),
      capacitySection(t, locale, parcels),
      termsSection(t, locale, input.terms, ctx.articles),
      costsSection(t, locale, { priceMin: block.priceMin, priceMax: block.priceMax, totalCny: block.indicativeTotalCny, areaM2: block.areaM2, terms: input.terms, rates: ctx.rates }),
      distanceSection(t, locale, ctx.distances),
      {
        heading: t(`${S}.section.parcels`),
        rows: parcels.map((p) => ({
          label: p.code,
          value: [t(`${S}.value.mu`, { value: num(locale, p.areaM2 / M2_PER_MU, 1) }), t(`landUse.${p.landUse}`), priceText(t, locale, p.priceCnyPerMu, p.priceCnyPerMu)].join(" · "),
        })),
      },
      contactSection(t, locale, input.parks),
      sourcesSection(t, locale, { codes: input.parks.flatMap((p) => p.sourceArticles), articles: ctx.articles, verifiedOn: block.verifiedOn, now: ctx.now }),
    ],
    url: ctx.url,
    linkNote: t(`${S}.note.link`),
    footer: mapNote(t, "block", parcels.some((p) => p.illustrative)),
    fileName: sheetFileName(["jiangmen", "block", block.key, `${mu.replace(/,/g, "")}mu`, locale], [kind, block.key, t(`${S}.value.mu`, { value: mu.replace(/,/g, "") })]),
  };
}

export function mapNote(t: ReturnType<typeof sheetTranslator>, what: "block" | "parcel", illustrative: boolean): string {
  const note = t(`${S}.note.map`, { what: t(`${S}.note.${what === "block" ? "mapBlock" : "mapParcel"}`) });
  return illustrative ? `${note} ${t(`${S}.note.illustrative`)}` : note;
}

export interface ParcelSheetInput {
  locale: SheetLocale;
  parcel: SheetParcel;
  neighbours: SheetNeighbour[];
  terms: SheetTerms | null;
  park: SheetParkInfo;
  ctx: SheetContext;
}

export function parcelSheet(input: ParcelSheetInput): SheetModel {
  const { locale, parcel: p, ctx } = input;
  const t = sheetTranslator(locale);
  const today = chinaDate(ctx.now);
  const mu = num(locale, p.areaM2 / M2_PER_MU, 0);
  const kind = t(`${S}.kind.parcel`);
  const total = p.priceCnyPerMu === null ? null : Math.round((p.priceCnyPerMu * p.areaM2) / M2_PER_MU);
  return {
    locale,
    kind,
    title: t(`${S}.parcelTitle`, { code: p.code, mu, park: pick(locale, p.park.nameZh, p.park.nameEn) }),
    subtitle: `${t(`${S}.portal`)} · ${kind} · ${p.code}`,
    map: sheetMap([...input.neighbours.map((n) => ({ ...n, highlight: false })), { geometry: p.geometry, illustrative: p.illustrative, highlight: true }], locale),
    sections: [
      {
        heading: t(`${S}.section.figures`),
        rows: [
          ...areaRows(t, locale, p.areaM2),
          { label: t(`${S}.row.status`), value: t(`parcelStatus.${p.status}`) },
          ...landRows({ locale, parcels: [p] }, t),
          { label: t(`${S}.row.handover`), value: p.handoverOn ?? t(`${S}.value.notStated`) },
        ],
      },
      readinessSection(t, [p], today),
      capacitySection(t, locale, [p]),
      termsSection(t, locale, input.terms, ctx.articles),
      costsSection(t, locale, { priceMin: p.priceCnyPerMu, priceMax: p.priceCnyPerMu, totalCny: total, areaM2: p.areaM2, terms: input.terms, rates: ctx.rates }),
      distanceSection(t, locale, ctx.distances),
      contactSection(t, locale, [input.park]),
      sourcesSection(t, locale, { codes: input.park.sourceArticles, articles: ctx.articles, verifiedOn: p.lastVerifiedOn, now: ctx.now }),
    ],
    url: ctx.url,
    linkNote: t(`${S}.note.link`),
    footer: mapNote(t, "parcel", p.illustrative),
    fileName: sheetFileName(["jiangmen", "parcel", p.code, locale], [kind, p.code]),
  };
}
