// Cadastre import: choose park, coordinate system and file, read the dry run, then import a
// clean file. The upload goes to a route handler (app/api/staff/cadastre/import), which checks
// the permission again and streams progress while it works.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { loadImportParks } from "@/lib/cadastre/loaders";
import { ImportForm } from "./import-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/staff/parcels/import">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.cadastre" });
  return { title: t("title"), robots: { index: false } };
}

export default async function CadastreImportPage({ params }: PageProps<"/[locale]/staff/parcels/import">) {
  const { locale } = await params;
  const actor = await requireStaffPage("parcel.import", locale, `/${locale}/staff/parcels/import`);
  setRequestLocale(locale);
  const t = await getTranslations("staff.cadastre");
  const parks = await loadImportParks();
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-stone-700">{t("intro")}</p>
        <p className="text-sm text-stone-700" data-testid="capacity-columns">{t("capacityColumns")}</p>
      </header>
      <ImportForm
        locale={locale === "zh" ? "zh" : "en"}
        parks={parks.map((p) => ({ code: p.code, name: locale === "zh" ? p.nameZh : p.nameEn }))}
        mayExport={can(actor.role, "land.export")}
      />
    </div>
  );
}
