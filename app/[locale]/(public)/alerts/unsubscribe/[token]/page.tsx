// The unsubscribe link in every alert. Opening it deletes nothing (mail scanners and link
// previews open links): it shows which saved search the alerts are for and a button, whose POST
// deletes the search and its e-mails, without signing in. Mail clients' own button posts to
// /api/alerts/unsubscribe/<token> (RFC 8058 List-Unsubscribe-Post). Never indexed, no referrer.
import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { loadUnsubscribeLink } from "@/lib/alerts/loaders";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";
import { UnsubscribeForm } from "./unsubscribe-form";

type Props = PageProps<"/[locale]/alerts/unsubscribe/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "investor.alerts.unsubscribe" });
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function UnsubscribePage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  await connection();
  const [t, link] = await Promise.all([getTranslations("investor.alerts.unsubscribe"), loadUnsubscribeLink(token)]);
  const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone: CHINA_TIME_ZONE, dateStyle: "long" });
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {link.kind === "valid" ? (
        <>
          <p className="mt-3 text-stone-700" data-testid="unsubscribe-what">{t("lead", { address: link.address, date: date.format(link.savedAt) })}</p>
          <p className="mt-2 text-sm">
            <a className="text-brand-700 underline" href={`/${locale}/search${link.query ? `?${link.query}` : ""}`}>{t("viewSearch")}</a>
          </p>
          <UnsubscribeForm token={token} locale={locale} />
        </>
      ) : (
        <>
          <p role="status" className="mt-4 rounded-md border border-stone-300 bg-stone-50 p-3" data-testid="unsubscribe-unknown">{t("unknown")}</p>
          <a className="mt-4 inline-block text-brand-700 underline" href={`/${locale}/search`}>{t("search")}</a>
        </>
      )}
    </div>
  );
}
