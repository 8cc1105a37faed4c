// An unknown status link: says so plainly (with a 404), names nothing. An expired one has its
// own page (./link-expired.tsx).
import { getLocale, getTranslations } from "next-intl/server";

export default async function StatusNotFound() {
  const [t, locale] = await Promise.all([getTranslations("investor.alerts.status"), getLocale()]);
  return (
    <div className="mx-auto max-w-xl px-4 py-10" data-testid="status-not-found">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-stone-700">{t("notFoundBody")}</p>
      <a className="mt-4 inline-block text-brand-700 underline" href={`/${locale}/search`}>{t("search")}</a>
    </div>
  );
}
