// The investor's private inquiry page, linked from the confirmation e-mail. The token in the
// address is the only key (no sign-in): never indexed, no referrer leaves it. An unknown link
// is a plain 404; an expired one says so and what to do (./link-expired.tsx). Shows only what
// lib/inquiry/status-queries.ts lets out: the step in the investor's terms, the officer's
// name, the land, their messages.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";
import { INVESTOR_STEPS } from "@/lib/inquiry/status";
import { messageTimeText } from "@/lib/inquiry/status-format";
import { loadInquiryStatus, loadStatusLinkKind } from "@/lib/inquiry/status-loaders";
import { LinkExpired } from "./link-expired";
import { StatusMessages } from "./message-form";

type Props = PageProps<"/[locale]/inquiry/status/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "investor.alerts.status" });
  // The reference is not put in the title: titles end up in histories and tab lists.
  return { title: t("progress"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function InquiryStatusPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  await connection();
  const [t, status] = await Promise.all([getTranslations("investor.alerts.status"), loadInquiryStatus(token, locale)]);
  if (!status) {
    // Rendered by the page itself, with HTTP 200: Next 16 lets a page answer only 404/403/401
    // (notFound/forbidden/unauthorized), and those send an error shell whose HTML the portal
    // server fills with the generic 404 text, so the explanation would show only with JavaScript.
    if ((await loadStatusLinkKind(token)) === "expired") return <LinkExpired locale={locale} />;
    notFound();
  }
  const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone: CHINA_TIME_ZONE, dateStyle: "long" });
  const current = INVESTOR_STEPS.indexOf(status.step);
  const card = "mt-6 rounded-lg border border-stone-200 bg-white p-4";
  return (
    <div className="mx-auto max-w-3xl px-4 py-8" data-testid="inquiry-status">
      <h1 className="text-2xl font-bold">{t("title", { reference: status.reference })}</h1>
      <p className="mt-2 text-sm text-stone-600">{t("lead")}</p>
      <p className="mt-2 text-sm">
        {t("submitted", { date: date.format(status.createdAt) })}
        {status.answerBy && ` · ${t("answerBy", { date: date.format(status.answerBy) })}`}
      </p>
      <section aria-labelledby="status-progress" className={card}>
        <h2 id="status-progress" className="font-semibold">{t("progress")}</h2>
        <ol className="mt-3 space-y-2">
          {INVESTOR_STEPS.map((step, i) => (
            <li key={step} className={i === current ? "font-semibold text-brand-900" : i < current ? "text-stone-700" : "text-stone-400"} aria-current={i === current ? "step" : undefined} data-step={step}>
              {i <= current ? "✓ " : "○ "}
              {t(`stage.${step}`)}
              {i === current && <span className="ml-2 rounded bg-brand-50 px-1.5 text-xs">{t("current")}</span>}
            </li>
          ))}
        </ol>
        <p className="mt-3 text-sm" data-testid="status-step">{t(`stageHint.${status.step}`)}</p>
        <p className="mt-3 text-sm">
          {t("officer")}: <strong data-testid="status-officer">{status.officerName ?? t("unassigned")}</strong>
        </p>
      </section>
      <section aria-labelledby="status-asked" className={card}>
        <h2 id="status-asked" className="font-semibold">{t("askedAbout")}</h2>
        <ul className="mt-2 list-disc pl-5 text-sm" data-testid="status-land">
          {status.blocks.map((b) => (
            <li key={b.key}>{b.parcelCodes.length ? t("block", { key: b.key, parcels: b.parcelCodes.join(", ") }) : t("blockGone", { key: b.key })}</li>
          ))}
          {status.parcelCodes.map((code) => (
            <li key={code}>{t("parcel", { code })}</li>
          ))}
          {status.parkName && <li>{t("park", { park: status.parkName })}</li>}
          {status.blocks.length === 0 && status.parcelCodes.length === 0 && !status.parkName && <li>{t("nothing")}</li>}
        </ul>
      </section>
      <section aria-labelledby="status-messages" className={card}>
        <h2 id="status-messages" className="font-semibold">{t("messages")}</h2>
        <StatusMessages token={token} locale={locale} initial={status.messages.map((m) => ({ id: m.id, at: m.at.toISOString(), label: messageTimeText(locale, m.at), text: m.text }))} />
      </section>
    </div>
  );
}
