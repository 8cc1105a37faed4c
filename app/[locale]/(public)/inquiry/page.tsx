import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatArea } from "@/lib/i18n/format";
import { pick } from "@/lib/i18n/localized";
import { inquiryPrefill } from "@/lib/inquiry/prefill";
import { subjectText } from "@/lib/inquiry/subject-text";
import { inquirySubject } from "./inquiry-subject";
import { loadParkName } from "@/lib/parks/loaders";
import { readCompareEntry, readCompareList } from "@/lib/search/compare";
import { landSearchSchema, searchParamsToObject, toSearchParams } from "@/lib/search/schemas";
import { InquiryForm } from "./inquiry-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/inquiry">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "inquiry" });
  return { title: t("title") };
}

const TARGET_KEYS = ["block", "parcel", "park", "compare"];

export default async function InquiryPage({ params, searchParams }: PageProps<"/[locale]/inquiry">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const t = await getTranslations("inquiry");
  const root = await getTranslations();
  const tf = await getTranslations("investor.finder.inquiry");
  const raw = searchParamsToObject(await searchParams);
  const str = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string).slice(0, 80) : "");
  // The rest of the URL is the search that formed the block: kept so the block can be rebuilt.
  // With a block, `park` is one of those filters (the block was searched in that park).
  // From the compare page: every entry compared, in one inquiry (lib/inquiry/compared-land.ts);
  // `park` is then one of the filters the blocks were compared under.
  const compared = readCompareList(raw.compare).entries;
  const targets = str("block") ? ["block", "compare"] : compared.length ? ["compare", "parcel"] : TARGET_KEYS;
  const filters = Object.fromEntries(Object.entries(raw).filter(([k]) => !targets.includes(k)));
  const parsedFilters = landSearchSchema.safeParse(filters);
  const blockQuery = parsedFilters.success ? toSearchParams({ ...parsedFilters.data, page: 1 }).toString() : "";
  const park = str("park") ? await loadParkName(str("park")) : null;
  // The subject names size and park, not only a code (as the e-mail does); the need is filled in
  // from the search's own figures (lib/inquiry/prefill.ts).
  const subject = compared.length ? null : await inquirySubject({ block: str("block"), parcel: str("parcel"), query: parsedFilters.success ? parsedFilters.data : undefined });
  // Compared land is named as one subject is (size and park), each under the filters it was
  // compared with; an entry gone since keeps its key.
  const comparedNames = await Promise.all(
    compared.map(readCompareEntry).map(async ({ kind, key }) => {
      const facts = await inquirySubject({ block: kind === "parcel" ? "" : key, parcel: kind === "parcel" ? key : "", query: parsedFilters.success ? parsedFilters.data : undefined });
      return facts ? subjectText(locale, (k, values) => root(k as never, values as never), facts) : key;
    }),
  );
  const about = compared.length
    ? (await getTranslations("investor.sheets.compare"))("aboutAll", { count: compared.length, keys: comparedNames.join(locale === "zh" ? "；" : "; ") })
    : subject
      ? subjectText(locale, (key, values) => root(key as never, values as never), subject)
      : str("block")
        ? t("aboutBlock", { key: str("block") })
        : str("parcel")
          ? t("aboutParcel", { code: str("parcel") })
          : park
            ? t("aboutPark", { park: pick(locale, park.nameZh, park.nameEn) })
            : t("aboutNothing");
  const prefill = inquiryPrefill(parsedFilters.success ? parsedFilters.data : undefined, subject?.areaM2 ?? null);
  const prefilled = Object.keys(prefill.values).length > 0;
  const hidden: Record<string, string> = {};
  if (str("block")) {
    hidden.blockKey = str("block");
    hidden.blockQuery = blockQuery;
  }
  if (str("parcel")) hidden.parcelCode = str("parcel");
  if (compared.length) {
    hidden.compareList = compared.join(",");
    hidden.blockQuery = blockQuery;
  }
  if (park) hidden.parkCode = str("park");
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 text-stone-600">{t("lead")}</p>
      <p className="mt-4 rounded-md bg-white p-3 text-sm" data-testid="inquiry-about">
        <span className="text-stone-500">{t("about")}: </span>
        {about}
      </p>
      <div className="mt-6">
        {prefilled && <p className="mb-4 text-sm text-stone-600" data-testid="inquiry-prefilled">{tf("prefilled")}</p>}
        <InquiryForm
          locale={locale === "en" ? "en" : "zh"}
          idempotencyKey={randomUUID()}
          hidden={hidden}
          searchHref={`/${locale}/search?${blockQuery}`}
          prefill={prefill.values}
          landHint={prefill.ceilingM2 === undefined ? undefined : tf("ceiling", { area: formatArea(locale, prefill.ceilingM2) })}
        />
      </div>
    </div>
  );
}
