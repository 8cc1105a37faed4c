// One park for the admins (park.manage): its edit form, its zones' forms, a form for a new
// zone, and the park's history. A code that names no park is a 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RecordForm } from "@/components/staff/record-form";
import { fieldLabels, RecordHistory } from "@/components/staff/record-history";
import { loadRecordHistory } from "@/lib/audit/loaders";
import { historyCursor } from "@/lib/audit/log-queries";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { pick } from "@/lib/i18n/localized";
import { toFormValues } from "@/lib/parks/admin-queries";
import { loadAdminPark } from "@/lib/parks/loaders";
import { createZoneForm, updateParkForm, updateZoneForm } from "../actions";
import { codeField, parkFields, zoneFields } from "../park-fields";
import { TermsForms } from "./terms-forms";

type Props = PageProps<"/[locale]/staff/parks/[code]">;


export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  const t = await getTranslations({ locale, namespace: "staff.records.parks" });
  return { title: t("editTitle", { name: code }), robots: { index: false, follow: false } };
}

export default async function StaffParkPage({ params, searchParams }: Props) {
  const [{ locale, code }, query] = await Promise.all([params, searchParams]);
  const actor = await requireStaffPage("park.manage", locale, `/${locale}/staff/parks/${encodeURIComponent(code)}`);
  setRequestLocale(locale);
  const loaded = await loadAdminPark(actor, code);
  if (!loaded) notFound();
  const { park, options } = loaded;
  const [t, tr, history] = await Promise.all([getTranslations("staff.records.parks"), getTranslations(), loadRecordHistory(actor, "Park", park.id, historyCursor(query.historyAfter))]);
  const fields = parkFields(tr, locale, options, park.code);
  const name = pick(locale, park.values.nameZh, park.values.nameEn);
  const base = `/${locale}/staff/parks/${park.code}`;
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <p className="text-sm">
        <a href={`/${locale}/staff/parks`} className="text-brand-700 underline">{t("back")}</a> ·{" "}
        <a href={`/${locale}/parks/${park.code}`} className="text-brand-700 underline">{t("publicPage")}</a>
      </p>
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">{t("editTitle", { name })}</h1>
      <p className="mt-1 text-sm text-stone-600">{t("editLead", { code: park.code, version: park.version })}</p>
      <section className="mt-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
        <RecordForm id="park" action={updateParkForm} fields={fields} values={toFormValues(park.values)} hidden={{ parkId: park.id, version: String(park.version), locale }} submitLabel={t("save")} testId="park-form" />
      </section>

      <section aria-labelledby="zones-title" className="mt-10">
        <h2 id="zones-title" className="text-lg font-semibold">{t("zonesTitle")}</h2>
        {park.zones.length === 0 && <p className="mt-2 text-sm text-stone-600">{t("noZones")}</p>}
        <div className="mt-3 space-y-3">
          {park.zones.map((z) => (
            <details key={z.id} className="rounded-lg border border-stone-200 bg-white p-4" data-testid="zone" data-code={z.code}>
              <summary className="cursor-pointer font-medium">
                {t("zoneTitle", { code: z.code })}: {pick(locale, z.values.nameZh, z.values.nameEn)}
              </summary>
              <div className="mt-3">
                <RecordForm id={`zone-${z.code}`} action={updateZoneForm} fields={zoneFields(tr)} values={toFormValues(z.values)} hidden={{ zoneId: z.id, version: String(z.version), locale }} submitLabel={t("zoneSave")} />
              </div>
            </details>
          ))}
          <details className="rounded-lg border border-dashed border-stone-300 bg-white p-4">
            <summary className="cursor-pointer font-medium">{t("zoneCreate")}</summary>
            <div className="mt-3">
              <RecordForm id="new-zone" action={createZoneForm} fields={[codeField(tr), ...zoneFields(tr)]} values={{ code: `${park.code}-`, industries: [], allowedLandUses: [] }} hidden={{ parkId: park.id, locale }} submitLabel={t("zoneCreateSubmit")} />
            </div>
          </details>
        </div>
      </section>

      <TermsForms actor={actor} locale={locale} park={{ id: park.id, code: park.code }} zones={park.zones.map((z) => ({ id: z.id, code: z.code, name: pick(locale, z.values.nameZh, z.values.nameEn) }))} />

      <RecordHistory locale={locale} history={history} olderHref={(c) => `${base}?historyAfter=${c}`} fieldLabel={fieldLabels(fields)} />
    </div>
  );
}
