// One enterprise project for the admins (project.manage): its edit form and its history.
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
import { loadAdminProject } from "@/lib/projects/loaders";
import { updateProjectForm } from "../actions";
import { projectFields } from "../project-fields";

type Props = PageProps<"/[locale]/staff/projects/[code]">;


export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  const t = await getTranslations({ locale, namespace: "staff.records.projects" });
  return { title: t("editTitle", { name: code }), robots: { index: false, follow: false } };
}

export default async function StaffProjectPage({ params, searchParams }: Props) {
  const [{ locale, code }, query] = await Promise.all([params, searchParams]);
  const actor = await requireStaffPage("project.manage", locale, `/${locale}/staff/projects/${encodeURIComponent(code)}`);
  setRequestLocale(locale);
  const loaded = await loadAdminProject(actor, code);
  if (!loaded) notFound();
  const { project, parks } = loaded;
  const [t, tr, history] = await Promise.all([getTranslations("staff.records.projects"), getTranslations(), loadRecordHistory(actor, "EnterpriseProject", project.id, historyCursor(query.historyAfter))]);
  const fields = projectFields(tr, locale, parks);
  const { version, ...values } = project.values;
  const formValues = { ...toFormValues(values), parcelCodes: values.parcelCodes.join(", ") };
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <p className="text-sm"><a href={`/${locale}/staff/projects`} className="text-brand-700 underline">{t("back")}</a></p>
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">{t("editTitle", { name: pick(locale, values.nameZh, values.nameEn) })}</h1>
      <p className="mt-1 text-sm text-stone-600">{t("editLead", { code: project.code, version })}</p>
      <section className="mt-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
        <RecordForm id="project" action={updateProjectForm} fields={fields} values={formValues} hidden={{ projectId: project.id, version: String(version), locale }} submitLabel={t("save")} testId="project-form" />
      </section>
      <RecordHistory locale={locale} history={history} olderHref={(c) => `/${locale}/staff/projects/${project.code}?historyAfter=${c}`} fieldLabel={fieldLabels(fields)} />
    </div>
  );
}
