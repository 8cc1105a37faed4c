// The page a saved search's confirmation e-mail links to. Opening it confirms nothing (mail
// scanners open links): the investor presses the button, a POST. Never indexed, and no
// referrer leaves it, so the token goes nowhere else.
import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { loadConfirmLink } from "@/lib/alerts/loaders";
import { ConfirmForm } from "./confirm-form";

type Props = PageProps<"/[locale]/alerts/confirm/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "investor.alerts.confirm" });
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function ConfirmSavedSearchPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  await connection();
  const [t, state] = await Promise.all([getTranslations("investor.alerts.confirm"), loadConfirmLink(token)]);
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {state.kind === "valid" ? (
        <>
          <p className="mt-2 text-stone-600">{t("lead")}</p>
          <p className="mt-2 text-sm">
            <a className="text-brand-700 underline" href={`/${locale}/search${state.query ? `?${state.query}` : ""}`}>{t("viewSearch")}</a>
          </p>
          <ConfirmForm token={token} locale={locale} />
        </>
      ) : (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-800" data-testid="confirm-refused">
          {t(state.kind === "expired" ? "expired" : "unknown")}
        </p>
      )}
    </div>
  );
}
