// A parcel's staff page: its facts and geometry on a small plan, the edit form for parcel.edit
// holders (status moves as lib/land/status-transitions.ts allows them, override moves only for
// parcel.override holders), and the parcel's own history, newest first.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { SitePlan } from "@/components/site-plan";
import { auditText } from "@/components/staff/audit-value";
import { RecordHistory } from "@/components/staff/record-history";
import { loadRecordHistory } from "@/lib/audit/loaders";
import { historyCursor } from "@/lib/audit/log-queries";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { chinaDate, CHINA_TIME_ZONE } from "@/lib/calendar/china-time";
import { env } from "@/lib/env";
import { ParcelStatus } from "@/lib/generated/prisma/enums";
import { formatArea } from "@/lib/i18n/format";
import { pick } from "@/lib/i18n/localized";
import { loadStaffParcel } from "@/lib/land/loaders";
import { toParcelListParams } from "@/lib/land/parcel-schemas";
import { ordinaryTargets } from "@/lib/land/status-transitions";
import { loadLandBlock } from "@/lib/search/loaders";
import { landSearchSchema } from "@/lib/search/schemas";
import { ParcelEditForm } from "./parcel-edit-form";

const CODE_MAX = 80;

export async function generateMetadata({ params }: PageProps<"/[locale]/staff/parcels/[code]">): Promise<Metadata> {
  const { locale, code } = await params;
  const t = await getTranslations({ locale, namespace: "staff.parcels" });
  // Only a signed-in reader learns whether the code exists.
  const actor = await currentActor();
  const data = actor && can(actor.role, "land.read") && code.length <= CODE_MAX ? await loadStaffParcel(code) : null;
  return { title: data ? t("page.title", { code: data.values.code }) : "—", robots: { index: false } };
}

export default async function StaffParcelPage({ params, searchParams }: PageProps<"/[locale]/staff/parcels/[code]">) {
  const [{ locale, code }, query] = await Promise.all([params, searchParams]);
  const actor = await requireStaffPage("land.read", locale, `/${locale}/staff/parcels/${encodeURIComponent(code)}`);
  setRequestLocale(locale);
  if (code.length > CODE_MAX) notFound();
  const data = await loadStaffParcel(code);
  if (!data) notFound();
  // The investor search's block around an available parcel: its codes open the list, every
  // member selected for a bulk change of the whole block.
  const [history, block] = await Promise.all([
    loadRecordHistory(actor, "Parcel", data.values.id, historyCursor(query.historyAfter)),
    data.values.status === "AVAILABLE" ? loadLandBlock(landSearchSchema.parse({}), data.values.code) : Promise.resolve(null),
  ]);
  const [t, tr, format] = await Promise.all([getTranslations("staff.parcels"), getTranslations(), getFormatter()]);
  const v = data.values;
  const status = (s: string) => tr(`parcelStatus.${s as ParcelStatus}`);
  const days = env().LAND_VERIFY_AFTER_DAYS;
  const mayEdit = can(actor.role, "parcel.edit");
  const ordinary = ordinaryTargets(v.status);
  const overrides = can(actor.role, "parcel.override") ? Object.values(ParcelStatus).filter((s) => s !== v.status && !ordinary.includes(s)) : [];
  const dateTime = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: CHINA_TIME_ZONE });
  const card = "rounded-lg border border-stone-200 bg-white p-4";
  const fact = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="flex justify-between gap-4 border-t border-stone-100 py-1.5 text-sm">
      <dt className="text-stone-500">{label}</dt>
      <dd className="text-right" data-testid={testId}>{value ?? "—"}</dd>
    </div>
  );
  const base = `/${locale}/staff/parcels/${encodeURIComponent(v.code)}`;
  const valueText = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (key === "status") return status(String(value));
    if (key === "priceCnyPerMu") return format.number(Number(value));
    return auditText(value);
  };
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <a href={`/${locale}/staff/parcels?${toParcelListParams({ park: data.park.code }).toString()}`} className="text-sm text-brand-700 underline">{t("page.back")}</a>
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("page.title", { code: v.code })}</h1>
        <span className="rounded-full bg-brand-50 px-3 py-1 text-sm font-semibold text-brand-900" data-testid="parcel-status">{status(v.status)}</span>
      </div>
      {data.toVerify && <p className="mt-2 text-sm font-semibold text-amber-800" data-testid="parcel-to-verify">{t("page.toVerify", { days })}</p>}
      <div className="mt-4 grid gap-4 lg:grid-cols-[1fr_26rem]">
        <div className="space-y-4">
          <SitePlan
            parcels={data.around.map((p) => ({ ...p, highlighted: p.code === v.code, href: `/${locale}/staff/parcels/${encodeURIComponent(p.code)}` }))}
            statusLabel={status}
            title={t("page.plan")}
            legendTitle={t("filters.status")}
            note={tr("parcel.illustrative")}
          />
          <section aria-labelledby="facts-title" className={card}>
            <h2 id="facts-title" className="font-semibold">{t("page.facts")}</h2>
            <dl className="mt-2">
              {fact(t("page.park"), pick(locale, data.park.nameZh, data.park.nameEn))}
              {fact(t("page.zone"), data.zone ? pick(locale, data.zone.nameZh, data.zone.nameEn) : null)}
              {fact(t("page.area"), formatArea(locale, data.areaM2))}
              {fact(t("page.landUse"), tr(`landUse.${data.landUse}`))}
              {fact(t("page.statusReason"), v.statusReason, "parcel-status-reason")}
              {fact(t("page.statusChangedAt"), v.statusChangedAt ? dateTime(v.statusChangedAt) : null)}
              {fact(t("page.verified"), v.lastVerifiedOn, "parcel-last-verified")}
              {fact(t("page.version"), v.version, "parcel-version")}
            </dl>
            <p className="mt-3 flex flex-wrap gap-4 text-sm">
              <a href={`/${locale}/parcels/${encodeURIComponent(v.code)}`} className="text-brand-700 underline">{t("page.public")}</a>
              {block && block.parcelCount > 1 && (
                <a href={`/${locale}/staff/parcels?${toParcelListParams({ codes: block.parcelCodes }).toString()}`} className="text-brand-700 underline" data-testid="parcel-block-link">
                  {t("page.block")} ({block.parcelCount})
                </a>
              )}
            </p>
          </section>
        </div>
        <section aria-labelledby="edit-title" className={card}>
          <h2 id="edit-title" className="font-semibold">{t("edit.title")}</h2>
          <div className="mt-3">
            {mayEdit ? <ParcelEditForm values={v} ordinary={ordinary} overrides={overrides} today={chinaDate(new Date())} /> : <p className="text-sm text-stone-600">{t("edit.readOnly")}</p>}
          </div>
        </section>
      </div>
      <RecordHistory locale={locale} history={history} olderHref={(c) => `${base}?historyAfter=${c}`} fieldLabel={(k) => (t.has(`fields.${k}`) ? t(`fields.${k}`) : k)} formatValue={valueText} />
    </div>
  );
}
