import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { db } from "@/lib/db";
import { County, Industry, ParkLevel } from "@/lib/generated/prisma/enums";
import { filterParks, parkFilterSchema } from "@/lib/parks/directory-filter";
import { listParkCards } from "@/lib/parks/queries";
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
  const parks = filterParks(await listParkCards(db()), filter);
  const value = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  const select = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";
  return (
    <div className="pb-4">
      <form method="get" className="mx-auto mt-8 grid max-w-6xl gap-3 px-4 sm:grid-cols-5" aria-label={t("search.filters")}>
        <label className="text-sm font-medium">
          {t("search.county")}
          <select name="county" defaultValue={value("county")} className={select}>
            <option value="">{t("search.any")}</option>
            {Object.values(County).map((c) => <option key={c} value={c}>{t(`county.${c}`)}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("parksPage.level")}
          <select name="level" defaultValue={value("level")} className={select}>
            <option value="">{t("search.any")}</option>
            {Object.values(ParkLevel).map((l) => <option key={l} value={l}>{t(`parkLevel.${l}`)}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("search.industry")}
          <select name="industry" defaultValue={value("industry")} className={select}>
            <option value="">{t("search.any")}</option>
            {Object.values(Industry).map((i) => <option key={i} value={i}>{t(`industry.${i}`)}</option>)}
          </select>
        </label>
        <label className="flex items-end gap-2 pb-2 text-sm">
          <input type="checkbox" name="land" value="1" defaultChecked={value("land") === "1"} />
          {t("parksPage.withLand")}
        </label>
        <div className="flex items-end">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">{t("search.submit")}</button>
        </div>
      </form>
      <ParkDirectory locale={locale} parks={parks} />
    </div>
  );
}
