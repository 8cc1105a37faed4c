// Exchange rates for the admins (settings.manage): the current CNY per USD and per EUR with
// their dates, a form to set new ones, and the history of what was set by whom.
import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { RecordForm } from "@/components/staff/record-form";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { chinaDate, CHINA_TIME_ZONE } from "@/lib/calendar/china-time";
import { loadRatesPage } from "@/lib/money/loaders";
import { setRatesForm } from "./actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/staff/settings/rates">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.settings.rates" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function RatesPage({ params }: PageProps<"/[locale]/staff/settings/rates">) {
  const { locale } = await params;
  const actor = await requireStaffPage("settings.manage", locale, `/${locale}/staff/settings/rates`);
  setRequestLocale(locale);
  const [t, format, { current, history }] = await Promise.all([getTranslations("staff.settings.rates"), getFormatter(), loadRatesPage(actor)]);
  const rate = (v: number) => new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 6 }).format(v);
  const set = (["USD", "EUR"] as const).filter((c) => current[c]);
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-1 text-sm text-stone-600">{t("lead")}</p>
      <section aria-labelledby="current-title" className="mt-6 rounded-lg border border-stone-200 bg-white p-4 text-sm" data-testid="rates-current">
        <h2 id="current-title" className="font-semibold">{t("current")}</h2>
        {set.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("noRate")}</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {set.map((c) => (
              <li key={c} data-testid={`rate-${c}`}>
                {t("rate", { rate: rate(current[c]!.cnyPerUnit), currency: c, date: current[c]!.asOf })}
                {current[c]!.seed && <span className="ml-2 rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-900">{t("seed")}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="form-title" className="mt-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="form-title" className="mb-3 font-semibold">{t("form")}</h2>
        <RecordForm
          id="rates"
          action={setRatesForm}
          fields={[
            { name: "usd", label: t("usd"), kind: "number", hint: t("hint") },
            { name: "eur", label: t("eur"), kind: "number" },
            { name: "asOf", label: t("asOf"), kind: "date", required: true, hint: t("asOfHint") },
          ]}
          values={{ usd: "", eur: "", asOf: chinaDate(new Date()) }}
          hidden={{ locale }}
          submitLabel={t("save")}
          testId="rates-form"
        />
      </section>
      <section aria-labelledby="history-title" className="mt-6">
        <h2 id="history-title" className="text-lg font-semibold">{t("history")}</h2>
        <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="min-w-full text-left text-sm" data-testid="rates-history">
            <thead className="bg-stone-50 text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2">{t("col.currency")}</th>
                <th scope="col" className="px-3 py-2">{t("col.rate")}</th>
                <th scope="col" className="px-3 py-2">{t("col.asOf")}</th>
                <th scope="col" className="px-3 py-2">{t("col.setBy")}</th>
                <th scope="col" className="px-3 py-2">{t("col.at")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id} className="border-t border-stone-100">
                  <td className="px-3 py-2">{h.currency}</td>
                  <td className="px-3 py-2">{rate(h.cnyPerUnit)}</td>
                  <td className="px-3 py-2">{h.asOf}</td>
                  <td className="px-3 py-2">{h.seed ? t("seedBy") : (h.setBy ?? "—")}</td>
                  <td className="px-3 py-2">{format.dateTime(new Date(h.createdAt), { dateStyle: "medium", timeStyle: "short", timeZone: CHINA_TIME_ZONE })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
