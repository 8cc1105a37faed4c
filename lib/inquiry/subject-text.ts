// How an inquiry names the land it is about, in the reader's language: by size and park ("320
// mu (21.3 ha) contiguous block (4 parcels), Daguanghai Bay Economic Zone"), as a person
// recognises land. The inquiry page and the confirmation e-mail both name it through here, so
// the investor reads the same words in both; the e-mail adds the block's key as a secondary
// reference (what an officer looks it up by), the page has the block itself on screen. Pure.
import { formatArea } from "../i18n/format";
import { pick } from "../i18n/localized";

export type ParkName = { code: string; nameZh: string; nameEn: string | null };

export type SubjectFacts =
  | { kind: "block"; key: string; areaM2: number; parcelCount: number; parks: ParkName[] }
  | { kind: "parcel"; code: string; areaM2: number; park: ParkName };

/** A root translator (keys with their namespace): next-intl's, or the e-mails' translatorFor. */
export type RootTranslator = (key: string, values?: Record<string, string | number>) => string;

const parkNames = (locale: string, parks: ParkName[]) => parks.map((p) => pick(locale, p.nameZh, p.nameEn)).join(" / ");

/** The land as the inquiry page names it. */
export function subjectText(locale: string, t: RootTranslator, s: SubjectFacts): string {
  return s.kind === "block"
    ? t("inquiry.aboutBlockFull", { area: formatArea(locale, s.areaM2), count: s.parcelCount, park: parkNames(locale, s.parks) })
    : t("inquiry.aboutParcelFull", { code: s.code, area: formatArea(locale, s.areaM2), park: parkNames(locale, [s.park]) });
}

/** The land as the e-mail names it: the page's words, a block's key after them (a parcel's code is already in them). */
export function subjectWithReference(locale: string, t: RootTranslator, s: SubjectFacts): string {
  const text = subjectText(locale, t, s);
  return s.kind === "block" ? t("investor.finder.inquiry.blockReference", { subject: text, key: s.key }) : text;
}

/** Every compared subject, one a line, under a count ("ask about all of these"). */
export function comparedSubjectsText(locale: string, t: RootTranslator, subjects: SubjectFacts[]): string {
  return [t("investor.finder.inquiry.comparedIntro", { count: subjects.length }), ...subjects.map((s) => `- ${subjectWithReference(locale, t, s)}`)].join("\n");
}
