// The 404 page, in the visitor's language (the locale layout has set it): unknown parks,
// parcels and paths answer with HTTP 404 and a way on, not an empty page.
// Its text and links are also written into the HTML of a 404 by lib/http/not-found-shell.ts
// (Next itself renders this component only in the browser): keep the two alike.
import { getLocale, getTranslations } from "next-intl/server";

export default async function NotFound() {
  const [t, locale] = await Promise.all([getTranslations("notFound"), getLocale()]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <p className="text-sm font-medium text-brand-700">404</p>
      <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-3 text-stone-600">{t("body")}</p>
      <ul className="mt-6 flex flex-wrap gap-4">
        <li><a className="text-brand-700 underline" href={`/${locale}/search`}>{t("search")}</a></li>
        <li><a className="text-brand-700 underline" href={`/${locale}/parks`}>{t("parks")}</a></li>
        <li><a className="text-brand-700 underline" href={`/${locale}`}>{t("home")}</a></li>
      </ul>
    </div>
  );
}
