import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { loadOverview } from "@/lib/leads/loaders";
import type { EscalationList } from "@/lib/leads/overview";

export async function generateMetadata({ params }: PageProps<"/[locale]/staff">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.overview" });
  return { title: t("title"), robots: { index: false } };
}

type T = Awaited<ReturnType<typeof getTranslations<"staff.overview">>>;

export default async function StaffOverviewPage({ params }: PageProps<"/[locale]/staff">) {
  const { locale } = await params;
  const actor = await requireStaffPage("lead.read", locale, `/${locale}/staff`);
  setRequestLocale(locale);
  const [data, t] = await Promise.all([loadOverview(actor), getTranslations({ locale, namespace: "staff.overview" })]);
  const inbox = (query: string) => `/${locale}/staff/leads?${query}`;
  const cards = [
    { key: "new", value: data.counts.new, label: t("new"), hint: t("newHint"), href: inbox("stage=NEW"), alert: false },
    { key: "overdue", value: data.counts.overdue, label: t("overdue"), hint: t("overdueHint"), href: inbox("overdue=1"), alert: data.counts.overdue > 0 },
    { key: "escalated", value: data.counts.escalated, label: t("escalated"), hint: t("escalatedHint"), href: inbox("escalated=1"), alert: data.counts.escalated > 0 },
    { key: "unassigned", value: data.counts.unassigned, label: t("unassigned"), hint: t("unassignedHint"), href: inbox("assignee=unassigned"), alert: false },
  ];
  const allClear = Object.values(data.counts).every((n) => n === 0);
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-1 text-stone-600">{t("intro", { name: actor.name })}</p>
      <p className="mt-1 text-sm text-stone-500">{can(actor.role, "lead.readAll") ? t("scopeAll") : t("scopeOwn")}</p>

      <section aria-labelledby="counts" className="mt-6">
        <h2 id="counts" className="sr-only">
          {t("countsLabel")}
        </h2>
        <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {cards.map((c) => (
            <li key={c.key}>
              <Link
                href={c.href}
                data-count={c.key}
                className={`block rounded-lg border p-4 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 ${c.alert ? "border-red-300 bg-red-50" : "border-stone-200 bg-white"}`}
              >
                <span className={`block text-3xl font-bold tabular-nums ${c.alert ? "text-red-700" : "text-stone-900"}`}>{c.value}</span>
                <span className="mt-1 block font-medium">{c.label}</span>
                <span className="block text-sm text-stone-500">{c.hint}</span>
              </Link>
            </li>
          ))}
        </ul>
        {allClear ? <p className="mt-4 rounded-md bg-stone-50 p-4 text-stone-600">{t("allClear")}</p> : null}
        <p className="mt-4">
          <Link href={`/${locale}/staff/leads`} className="font-medium text-emerald-800 underline underline-offset-2">
            {t("openInbox")}
          </Link>
        </p>
      </section>

      {data.escalations ? (
        <>
          <EscalationSection id="level-3" locale={locale} t={t} title={t("level3Title")} lead={t("level3Lead")} empty={t("level3Empty")} list={data.escalations.level3} />
          <EscalationSection id="level-2" locale={locale} t={t} title={t("level2Title")} lead={t("level2Lead")} empty={t("level2Empty")} list={data.escalations.level2} />
        </>
      ) : null}
    </div>
  );
}

function EscalationSection(props: { id: string; locale: string; t: T; title: string; lead: string; empty: string; list: EscalationList }) {
  const { id, locale, t, list } = props;
  return (
    <section aria-labelledby={id} className="mt-8" data-escalation={id}>
      <h2 id={id} className="text-lg font-semibold">
        {props.title} <span className="font-normal text-stone-500">({list.total})</span>
      </h2>
      <p className="text-sm text-stone-600">{props.lead}</p>
      {list.rows.length === 0 ? (
        <p className="mt-3 rounded-md bg-stone-50 p-4 text-stone-600">{props.empty}</p>
      ) : (
        <>
          {/* A list, not a table: each lead is one card on a phone and one line on a laptop. */}
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {list.rows.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/${locale}/staff/leads/${r.id}`}
                  className="grid gap-x-4 gap-y-0.5 p-3 hover:bg-stone-50 focus-visible:outline-2 sm:grid-cols-[9rem_1fr_10rem_9rem] sm:items-baseline"
                >
                  <span className="font-mono text-sm font-semibold">
                    <span className="sr-only">{t("reference")}: </span>
                    {r.reference}
                  </span>
                  <span className="truncate">
                    <span className="sr-only">{t("company")}: </span>
                    {r.company}
                  </span>
                  <span className={r.assigneeName ? "text-stone-700" : "text-amber-800"}>
                    <span className="sr-only">{t("assignee")}: </span>
                    {r.assigneeName ?? t("nobody")}
                  </span>
                  <span className="text-sm text-red-700 tabular-nums sm:text-right">
                    <span className="sr-only">{t("untouched")}: </span>
                    {t("days", { days: r.daysUntouched })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {list.total > list.rows.length ? (
            <p className="mt-2 text-sm text-stone-600">
              {t("more", { shown: list.rows.length, total: list.total })}{" "}
              <Link href={`/${locale}/staff/leads?escalated=1`} className="text-emerald-800 underline underline-offset-2">
                {t("seeAll")}
              </Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
