// The staff parcel list: search by code, park, zone, status, "to verify" (not checked on site
// for more than LAND_VERIFY_AFTER_DAYS) or a list of codes (a block's members), paginated, with
// each park's to-verify count, a park's site plan to pick a parcel on, and, for parcel.edit
// holders, a checkbox per row for the bulk change. The filters live in the URL (a GET form).
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SitePlan } from "@/components/site-plan";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { ParcelStatus } from "@/lib/generated/prisma/enums";
import { formatArea } from "@/lib/i18n/format";
import { pick } from "@/lib/i18n/localized";
import { loadParcelListOptions, loadParkPlan, loadStaffParcelList, loadToVerifyCounts } from "@/lib/land/loaders";
import { parseParcelList, toParcelListParams, type ParcelListFilters } from "@/lib/land/parcel-schemas";
import { translateFieldMessage } from "@/lib/validation/messages";
import { ParcelListForm } from "./bulk-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/staff/parcels">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.parcels" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const field = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";

export default async function StaffParcelsPage({ params, searchParams }: PageProps<"/[locale]/staff/parcels">) {
  const [{ locale }, query] = await Promise.all([params, searchParams]);
  const qs = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]]))).toString();
  const actor = await requireStaffPage("land.read", locale, `/${locale}/staff/parcels${qs ? `?${qs}` : ""}`);
  setRequestLocale(locale);
  const { filters: parsed, errors } = parseParcelList(query);
  const [t, tr, tv, options, counts] = await Promise.all([getTranslations("staff.parcels"), getTranslations(), getTranslations("validation"), loadParcelListOptions(), loadToVerifyCounts()]);
  // Well-formed but naming nothing that exists: said next to the control, the filter left out.
  const filters: ParcelListFilters = { ...parsed };
  if (filters.park && !options.parks.some((p) => p.code === filters.park)) {
    errors.park = "unknownPark";
    filters.park = undefined;
  }
  if (filters.zone && !options.zones.some((z) => z.code === filters.zone)) {
    errors.zone = "unknownZone";
    filters.zone = undefined;
  }
  const planPark = typeof query.plan === "string" && options.parks.some((p) => p.code === query.plan) ? query.plan : filters.park;
  const [list, plan] = await Promise.all([loadStaffParcelList(filters), planPark ? loadParkPlan(planPark) : Promise.resolve(null)]);
  const days = env().LAND_VERIFY_AFTER_DAYS;
  const base = `/${locale}/staff/parcels`;
  const href = (f: Partial<ParcelListFilters>) => {
    const s = toParcelListParams(f).toString();
    return s ? `${base}?${s}` : base;
  };
  const status = (s: string) => tr(`parcelStatus.${s as ParcelStatus}`);
  const message = (m: string) => (t.has(`errors.${m}`) ? t(`errors.${m}`) : translateFieldMessage(tv, m));
  const err = (k: string) => (errors[k] ? <p id={`f-${k}-error`} className="mt-1 text-xs text-red-700">{message(errors[k])}</p> : null);
  const invalid = (k: string) => ({ "aria-invalid": errors[k] ? true : undefined, "aria-describedby": errors[k] ? `f-${k}-error` : undefined });
  const raw = (k: string) => (typeof query[k] === "string" ? (query[k] as string) : "");
  const parkName = (p: { nameZh: string; nameEn: string }) => pick(locale, p.nameZh, p.nameEn);
  const planParkRow = planPark ? options.parks.find((p) => p.code === planPark) : undefined;
  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-sm text-stone-600">{t("lead")}</p>
      <section aria-labelledby="queue-title" className="mt-4 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="queue-title" className="font-semibold">{t("queue.title")}</h2>
        <p className="text-xs text-stone-600">{t("queue.lead", { days })}</p>
        {counts.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t("queue.none", { days })}</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-2" data-testid="to-verify-counts">
            {counts.map((c) => (
              <li key={c.park.code}>
                <a href={href({ park: c.park.code, toVerify: true })} data-park={c.park.code} className="inline-block rounded-full border border-amber-300 bg-amber-50 px-3 py-1 text-sm text-amber-900 hover:bg-amber-100">
                  {t("queue.count", { park: parkName(c.park), count: c.count })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="mt-4 grid gap-6 lg:grid-cols-[17rem_1fr]">
        <form method="get" action={base} aria-label={t("filters.title")} className="space-y-3 self-start rounded-lg border border-stone-200 bg-white p-4" data-testid="parcel-filters">
          {Object.keys(errors).length > 0 && <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-xs text-red-800">{t("filters.summary")}</p>}
          <div>
            <label htmlFor="f-q" className="block text-sm font-medium">{t("filters.q")}</label>
            <input id="f-q" name="q" defaultValue={raw("q")} className={field} {...invalid("q")} />
            {err("q")}
          </div>
          <div>
            <label htmlFor="f-park" className="block text-sm font-medium">{t("filters.park")}</label>
            <select id="f-park" name="park" defaultValue={raw("park")} className={field} {...invalid("park")}>
              <option value="">{t("filters.any")}</option>
              {options.parks.map((p) => <option key={p.code} value={p.code}>{parkName(p)}</option>)}
            </select>
            {err("park")}
          </div>
          <div>
            <label htmlFor="f-zone" className="block text-sm font-medium">{t("filters.zone")}</label>
            <select id="f-zone" name="zone" defaultValue={raw("zone")} className={field} {...invalid("zone")}>
              <option value="">{t("filters.any")}</option>
              {options.zones.filter((z) => !filters.park || z.parkCode === filters.park).map((z) => <option key={z.code} value={z.code}>{parkName(z)}</option>)}
            </select>
            {err("zone")}
          </div>
          <div>
            <label htmlFor="f-status" className="block text-sm font-medium">{t("filters.status")}</label>
            <select id="f-status" name="status" defaultValue={raw("status")} className={field} {...invalid("status")}>
              <option value="">{t("filters.any")}</option>
              {Object.values(ParcelStatus).map((s) => <option key={s} value={s}>{status(s)}</option>)}
            </select>
            {err("status")}
          </div>
          <div>
            <label htmlFor="f-codes" className="block text-sm font-medium">{t("filters.codes")}</label>
            <textarea id="f-codes" name="codes" rows={2} defaultValue={raw("codes")} className={field} {...invalid("codes")} />
            {err("codes")}
          </div>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="toVerify" value="1" defaultChecked={filters.toVerify} className="mt-0.5 h-4 w-4" {...invalid("toVerify")} />
            {t("filters.toVerify", { days })}
          </label>
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">{t("filters.submit")}</button>
            <a href={base} className="text-sm text-brand-700 underline">{t("filters.reset")}</a>
          </div>
        </form>
        <section aria-labelledby="list-title" className="min-w-0">
          <h2 id="list-title" className="text-base font-semibold" data-testid="parcel-total">{t("results", { total: list.total })}</h2>
          {list.total === 0 ? (
            <p className="mt-3 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center" data-testid="parcel-empty">{t("empty")}</p>
          ) : (
            <ParcelListForm
              mayEdit={can(actor.role, "parcel.edit")}
              rows={list.rows.map((r) => ({
                id: r.id,
                code: r.code,
                version: r.version,
                status: r.status,
                href: `${base}/${encodeURIComponent(r.code)}`,
                park: parkName(r.park),
                zone: r.zone ? parkName(r.zone) : null,
                area: formatArea(locale, r.areaM2),
                lastVerifiedOn: r.lastVerifiedOn,
                toVerify: r.toVerify,
              }))}
            />
          )}
          {list.pageCount > 1 && (
            <nav aria-label={t("pagination.label")} className="mt-4 flex items-center justify-between gap-2 text-sm">
              {list.page > 1 ? <a href={href({ ...filters, page: list.page - 1 })} rel="prev" className="rounded-md border border-stone-300 bg-white px-3 py-1.5">{t("pagination.prev")}</a> : <span />}
              <span aria-current="page">{t("pagination.page", { page: list.page, count: list.pageCount })}</span>
              {list.page < list.pageCount ? <a href={href({ ...filters, page: list.page + 1 })} rel="next" className="rounded-md border border-stone-300 bg-white px-3 py-1.5">{t("pagination.next")}</a> : <span />}
            </nav>
          )}
          <section aria-labelledby="plan-title" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="plan-title" className="font-semibold">{t("plan.title")}</h2>
            <form method="get" action={base} className="mt-2 flex flex-wrap items-end gap-2">
              {[...toParcelListParams({ ...filters, page: 1 })].map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
              <label className="text-sm">
                {t("plan.choose")}{" "}
                <select name="plan" defaultValue={planPark ?? ""} className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm">
                  <option value="">—</option>
                  {options.parks.map((p) => <option key={p.code} value={p.code}>{parkName(p)}</option>)}
                </select>
              </label>
              <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm">{t("plan.show")}</button>
            </form>
            {plan && planParkRow ? (
              <div className="mt-3" data-testid="park-plan">
                <SitePlan
                  parcels={plan.map((p) => ({ ...p, href: `${base}/${encodeURIComponent(p.code)}` }))}
                  statusLabel={status}
                  title={t("plan.label", { park: parkName(planParkRow) })}
                  legendTitle={t("filters.status")}
                  note={tr("parcel.illustrative")}
                />
              </div>
            ) : (
              <p className="mt-2 text-sm text-stone-600">{t("plan.none")}</p>
            )}
          </section>
        </section>
      </div>
    </div>
  );
}
