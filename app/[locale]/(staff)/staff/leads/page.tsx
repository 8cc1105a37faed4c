// The lead inbox: every inquiry the officer may see, filtered, sorted and paginated on the
// server; the filters live in the URL (a plain GET form: works without JavaScript, links and
// the back button keep them). A refused filter is named next to its control and the others
// still apply.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { loadHasAnyLead, loadInbox, loadInboxCounts, loadInboxOptions } from "@/lib/leads/loaders";
import { DEFAULT_INBOX_FILTERS, INBOX_PAGE_SIZE, inboxParamsToObject, parseInboxFilters, toInboxSearchParams, type InboxFilters } from "@/lib/leads/inbox-schema";
import { InboxFiltersForm } from "./inbox-filters";
import { InboxList } from "./inbox-list";

export async function generateMetadata({ params }: PageProps<"/[locale]/staff/leads">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.inbox" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function LeadInboxPage({ params, searchParams }: PageProps<"/[locale]/staff/leads">) {
  const [{ locale }, query] = await Promise.all([params, searchParams]);
  const raw = inboxParamsToObject(query);
  const qs = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]]))).toString();
  const actor = await requireStaffPage("lead.read", locale, `/${locale}/staff/leads${qs ? `?${qs}` : ""}`);
  setRequestLocale(locale);
  const now = new Date();
  const { filters: parsed, errors } = parseInboxFilters(raw);
  const [t, options, counts] = await Promise.all([getTranslations("staff.inbox"), loadInboxOptions(), loadInboxCounts(actor, now)]);
  // Well-formed but naming nothing that exists: said next to the control, the filter left out.
  const filters: InboxFilters = { ...parsed };
  if (filters.park && !options.parks.some((p) => p.code === filters.park)) {
    errors.park = "unknownPark";
    filters.park = undefined;
  }
  if (!["any", "mine", "unassigned"].includes(filters.assignee) && !options.staff.some((s) => s.id === filters.assignee)) {
    errors.assignee = "unknownAssignee";
    filters.assignee = "any";
  }
  const result = await loadInbox(actor, filters, now);
  // only an empty list asks whether there is anything at all ("no leads yet" vs "none match")
  const anyLead = result.total > 0 || (await loadHasAnyLead(actor));
  const base = `/${locale}/staff/leads`;
  const href = (f: Partial<InboxFilters>) => {
    const s = toInboxSearchParams(f).toString();
    return s ? `${base}?${s}` : base;
  };
  const filtered = href({ ...filters, page: 1 }) !== base;
  const countLinks = [
    { key: "new", count: counts.new, href: href({ ...DEFAULT_INBOX_FILTERS, stage: ["NEW"] }), active: filters.stage.length === 1 && filters.stage[0] === "NEW" },
    { key: "overdue", count: counts.overdue, href: href({ ...DEFAULT_INBOX_FILTERS, overdue: true }), active: filters.overdue },
    { key: "escalated", count: counts.escalated, href: href({ ...DEFAULT_INBOX_FILTERS, escalated: true }), active: filters.escalated },
  ] as const;
  const exportQuery = toInboxSearchParams({ ...filters, page: 1 }).toString();
  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-sm text-stone-600">{t("lead")}</p>
      <nav aria-label={t("counts.label")} className="mt-4">
        <ul className="flex flex-wrap gap-2" data-testid="inbox-counts">
          {countLinks.map((c) => (
            <li key={c.key}>
              <a
                href={c.href}
                aria-current={c.active ? "true" : undefined}
                data-count={c.key}
                className={`inline-block rounded-full border px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 ${
                  c.key === "overdue" && c.count > 0
                    ? "border-red-300 bg-red-50 text-red-800 hover:bg-red-100"
                    : c.key === "escalated" && c.count > 0
                      ? "border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100"
                      : "border-stone-300 bg-white text-stone-800 hover:bg-stone-100"
                } aria-[current=true]:ring-2 aria-[current=true]:ring-brand-700`}
              >
                {t(`counts.${c.key}`, { count: c.count })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-4 grid gap-6 lg:grid-cols-[17rem_1fr]">
        <InboxFiltersForm locale={locale} action={base} raw={raw} errors={errors} options={options} />
        <section aria-labelledby="inbox-results" className="min-w-0">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="inbox-results" className="text-base font-semibold" data-testid="inbox-total">
              {t("results", {
                total: result.total,
                from: result.total ? (result.page - 1) * INBOX_PAGE_SIZE + 1 : 0,
                to: Math.min(result.total, result.page * INBOX_PAGE_SIZE),
              })}
            </h2>
            {can(actor.role, "lead.export") && result.total > 0 && (
              <a
                href={`/api/staff/leads/export${exportQuery ? `?${exportQuery}` : ""}`}
                className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
                download
              >
                {t("export.button")}
              </a>
            )}
          </div>
          {result.total === 0 ? (
            <div className="mt-4 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center" data-testid="inbox-empty">
              <p>{anyLead ? t("empty.noMatch") : t(can(actor.role, "lead.readAll") ? "empty.none" : "empty.noneScope")}</p>
              {filtered && (
                <p className="mt-2">
                  <a href={base} className="font-medium text-brand-700 underline focus-visible:outline-2 focus-visible:outline-brand-700">
                    {t("empty.reset")}
                  </a>
                </p>
              )}
            </div>
          ) : (
            <InboxList locale={locale} rows={result.rows} />
          )}
          {result.pageCount > 1 && (
            <nav aria-label={t("pagination.label")} className="mt-4 flex items-center justify-between gap-2 text-sm">
              {result.page > 1 ? (
                <a href={href({ ...filters, page: result.page - 1 })} rel="prev" className="rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-brand-700">
                  {t("pagination.prev")}
                </a>
              ) : (
                <span />
              )}
              <span aria-current="page">{t("pagination.page", { page: result.page, count: result.pageCount })}</span>
              {result.page < result.pageCount ? (
                <a href={href({ ...filters, page: result.page + 1 })} rel="next" className="rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-brand-700">
                  {t("pagination.next")}
                </a>
              ) : (
                <span />
              )}
            </nav>
          )}
        </section>
      </div>
    </div>
  );
}
