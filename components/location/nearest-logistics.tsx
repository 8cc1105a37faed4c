// "How far is it?": the nearest port, airport, rail station, expressway interchange and sea
// crossing to a park, block or parcel, with the straight-line distance and a typical drive.
// Both are approximate (curated positions, an estimated drive), and the table says so.
import { getTranslations } from "next-intl/server";
import { articles } from "@/seeds/data/articles";
import { ACCESS_MINUTES, AVERAGE_KMH, CIRCUITY, nearestByKind } from "@/lib/location/distance";
import { formatKm } from "@/lib/location/site";
import { LOGISTICS_SHAPE_CLASS, LOGISTICS_STYLE } from "@/lib/map/context/layers";

export async function NearestLogistics({ locale, site, className = "" }: { locale: string; site: { lng: number; lat: number }; className?: string }) {
  const t = await getTranslations("investor.location");
  const rows = nearestByKind(site);
  const name = (x: { nameZh: string; nameEn: string }) => (locale === "zh" ? x.nameZh : x.nameEn);
  return (
    <section aria-labelledby="distances-title" className={`rounded-lg border border-stone-200 bg-white p-4 text-sm ${className}`} data-testid="nearest-logistics">
      <h2 id="distances-title" className="font-semibold">{t("nearest.title")}</h2>
      <p className="mt-1 text-xs text-stone-600">{t("nearest.lead")}</p>
      <table className="mt-2 w-full">
        <thead className="sr-only">
          <tr>
            <th scope="col">{t("nearest.kind")}</th>
            <th scope="col">{t("nearest.km")}</th>
            <th scope="col">{t("nearest.drive")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const style = LOGISTICS_STYLE[r.point.kind];
            const article = r.point.articleId ? articles.find((a) => a.id === r.point.articleId) : undefined;
            return (
              <tr key={r.point.kind} className="border-t border-stone-100 align-top" data-testid={`nearest-${r.point.kind}`} data-point={r.point.id}>
                <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                  <span className="flex items-start gap-1.5">
                    <span aria-hidden className={`mt-0.5 inline-block h-3 w-3 shrink-0 ${LOGISTICS_SHAPE_CLASS[style.shape]}`} style={{ background: style.colour }} />
                    <span>
                      <span className="block text-xs text-stone-500">{t(`kind.${r.point.kind}`)}</span>
                      {name(r.point)}
                      {article && <span className="block text-xs text-stone-500">{t("nearest.source", { title: `${article.publisher}, ${article.publishedOn} · ${name({ nameZh: article.titleZh, nameEn: article.titleEn })}` })}</span>}
                    </span>
                  </span>
                </th>
                <td className="whitespace-nowrap py-1.5 pr-2 text-right" data-testid="nearest-km">{t("nearest.kmValue", { km: formatKm(locale, r.straightKm) })}</td>
                <td className="whitespace-nowrap py-1.5 text-right text-stone-700" data-testid="nearest-minutes">{t("nearest.minutes", { minutes: r.minutes })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-stone-500">{t("nearest.method", { circuity: CIRCUITY, kmh: AVERAGE_KMH, access: ACCESS_MINUTES })}</p>
    </section>
  );
}
