// One-click unsubscribe, the link in every alert: opening it deletes the saved search and its
// e-mails, without signing in and without a second step (what "one click" promises; a second
// opening finds nothing and says the same). Mail clients' own button posts to
// /api/alerts/unsubscribe/<token> (List-Unsubscribe-Post). Never indexed, no referrer.
import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { unsubscribeByToken } from "@/lib/alerts/loaders";

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
  const [t, removed] = await Promise.all([getTranslations("investor.alerts.unsubscribe"), unsubscribeByToken(token)]);
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p role="status" className="mt-4 rounded-md border border-stone-300 bg-stone-50 p-3" data-testid={removed ? "unsubscribed" : "unsubscribe-unknown"}>
        {t(removed ? "done" : "unknown")}
      </p>
      <a className="mt-4 inline-block text-brand-700 underline" href={`/${locale}/search`}>{t("search")}</a>
    </div>
  );
}
