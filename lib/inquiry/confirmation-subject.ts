// The "about" line of the inquiry's confirmation e-mail, built from our own data only (the
// address is unverified: nothing typed goes in it) and naming land as the inquiry page does
// (lib/inquiry/subject-text.ts): size and park, a block's key only as a secondary reference.
import type { DbClient } from "../db/client";
import { pick } from "../i18n/localized";
import { translatorFor } from "../mail/templates";
import type { ComparedLand } from "./compared-land";
import { comparedSubjectsText, subjectWithReference, type ParkName, type RootTranslator, type SubjectFacts } from "./subject-text";

interface AboutInput {
  locale: string;
  compared: ComparedLand["found"];
  /** the block asked about, as rebuilt at submission (null: none, or gone since) */
  block: { key: string; areaM2: number; parcelCount: number; parkIds: string[] } | null;
  /** the parcel asked about (its stored code), when found */
  parcelCode: string | null;
  park: { nameZh: string; nameEn: string | null } | null;
}

export async function confirmationAbout(db: DbClient, a: AboutInput): Promise<string> {
  const t = translatorFor(a.locale);
  const root: RootTranslator = (key, values) => t(key as never, values as never);
  const parkIds = [...new Set([...a.compared.flatMap((c) => c.parkIds), ...(a.block?.parkIds ?? [])])];
  // One read each for the parks and the parcel, whatever the number of compared entries.
  const [parks, parcel] = await Promise.all([
    parkIds.length ? db.park.findMany({ where: { id: { in: parkIds } }, select: { id: true, code: true, nameZh: true, nameEn: true } }) : [],
    a.parcelCode ? db.parcel.findUnique({ where: { code: a.parcelCode }, select: { code: true, areaM2: true, park: { select: { code: true, nameZh: true, nameEn: true } } } }) : null,
  ]);
  const byId = new Map(parks.map(({ id, ...p }) => [id, p]));
  const named = (ids: string[]): ParkName[] => ids.flatMap((id) => byId.get(id) ?? []);
  const facts = (b: { key: string; areaM2: number; parcelCount: number; parkIds: string[] }, kind: "block" | "parcel"): SubjectFacts => {
    const [first] = named(b.parkIds);
    return kind === "parcel" && first ? { kind, code: b.key, areaM2: b.areaM2, park: first } : { kind: "block", key: b.key, areaM2: b.areaM2, parcelCount: b.parcelCount, parks: named(b.parkIds) };
  };
  if (a.compared.length) return comparedSubjectsText(a.locale, root, a.compared.map((c) => facts(c, c.kind)));
  if (a.block) return subjectWithReference(a.locale, root, facts(a.block, "block"));
  if (parcel) return subjectWithReference(a.locale, root, { kind: "parcel", code: parcel.code, areaM2: parcel.areaM2, park: parcel.park });
  if (a.park) return t("inquiry.aboutPark", { park: pick(a.locale, a.park.nameZh, a.park.nameEn) });
  return t("inquiry.aboutNothing");
}
