// The admins' park list (park.manage): every park with its zones and parcels counted, a link to
// edit each, and the form for a new park.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RecordForm } from "@/components/staff/record-form";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { pick } from "@/lib/i18n/localized";
import { loadAdminParks } from "@/lib/parks/loaders";
import { createParkForm } from "./actions";
import { codeField, parkFields } from "./park-fields";

export async function generateMetadata({ params }: PageProps<"/[locale]/staff/parks">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.records.parks" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function StaffParksPage({ params }: PageProps<"/[locale]/staff/parks">) {
  const { locale } = await params;
  const actor = await requireStaffPage("park.manage", locale, `/${locale}/staff/parks`);
  setRequestLocale(locale);
  const [t, tr, { parks, options }] = await Promise.all([getTranslations("staff.records.parks"), getTranslations(), loadAdminParks(actor)]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-600">{t("lead")}</p>
      <div className="mt-6 overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="parks-table">
          <thead className="bg-stone-50 text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2">{t("name")}</th>
              <th scope="col" className="px-3 py-2">{t("code")}</th>
              <th scope="col" className="px-3 py-2">{t("county")}</th>
              <th scope="col" className="px-3 py-2">{t("level")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("zones")}</th>
            </tr>
          </thead>
          <tbody>
            {parks.map((p) => (
              <tr key={p.id} className="border-t border-stone-100">
                <td className="px-3 py-2">
                  <a href={`/${locale}/staff/parks/${p.code}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {pick(locale, p.nameZh, p.nameEn)}
                  </a>
                </td>
                <td className="px-3 py-2 font-mono text-xs">{p.code}</td>
                <td className="px-3 py-2">{p.county ? tr(`county.${p.county}`) : t("cityWide")}</td>
                <td className="px-3 py-2">{tr(`parkLevel.${p.level}`)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{p.zones}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="mt-8 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
        <summary className="cursor-pointer text-lg font-semibold">{t("create")}</summary>
        <div className="mt-4">
          <RecordForm
            id="new-park"
            action={createParkForm}
            fields={[codeField(tr), ...parkFields(tr, locale, options)]}
            values={{ industries: [] }}
            hidden={{ locale }}
            submitLabel={t("createSubmit")}
            testId="new-park-form"
          />
        </div>
      </details>
    </div>
  );
}
