import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SelectField } from "@/components/select-field";
import { County, Industry, ParkLevel } from "@/lib/generated/prisma/enums";
import { filterParks, parkFilterSchema } from "@/lib/parks/directory-filter";
import { loadParkCards } from "@/lib/parks/loaders";
import { searchParamsToObject } from "@/lib/search/schemas";
import { ParkDirectory } from "../park-directory";

export async function generateMetadata({ params }: PageProps<"/[locale]/parks">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "home" });
  return { title: t("directoryTitle") };
}

export default async function ParksPage({ params, searchParams }: PageProps<"/[locale]/parks">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const t = await getTranslations();
  const raw = searchParamsToObject(await searchParams);
  const parsed = parkFilterSchema.safeParse(raw);
  // An unknown value in a hand-edited URL shows everything rather than nothing.
  const filter = parsed.success ? parsed.data : parkFilterSchema.parse({});
  const parks = filterParks(await loadParkCards(), filter);
  const value = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  const select = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";
  return (
    <div className="pb-4">
      <ParkDirectory locale={locale} parks={parks} asPage>
        <form method="get" className="mt-4 grid gap-3 sm:grid-cols-5" aria-label={t("search.filters")}>
          <SelectField name="county" label={t("search.county")} anyLabel={t("search.any")} className={select} defaultValue={value("county")} options={Object.values(County).map((c) => ({ value: c, label: t(`county.${c}`) }))} />
          <SelectField name="level" label={t("parksPage.level")} anyLabel={t("search.any")} className={select} defaultValue={value("level")} options={Object.values(ParkLevel).map((l) => ({ value: l, label: t(`parkLevel.${l}`) }))} />
          <SelectField name="industry" label={t("search.industry")} anyLabel={t("search.any")} className={select} defaultValue={value("industry")} options={Object.values(Industry).map((i) => ({ value: i, label: t(`industry.${i}`) }))} />
          <label className="flex items-end gap-2 pb-2 text-sm">
            <input type="checkbox" name="land" value="1" defaultChecked={value("land") === "1"} />
            {t("parksPage.withLand")}
          </label>
          <div className="flex items-end">
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">{t("search.submit")}</button>
          </div>
        </form>
      </ParkDirectory>
    </div>
  );
}
