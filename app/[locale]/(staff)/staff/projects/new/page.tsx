// A new enterprise project (project.manage); saved, it opens its edit page.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RecordForm } from "@/components/staff/record-form";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { loadProjectParkOptions } from "@/lib/projects/loaders";
import { codeField } from "../../parks/park-fields";
import { createProjectForm } from "../actions";
import { projectFields } from "../project-fields";

export async function generateMetadata({ params }: PageProps<"/[locale]/staff/projects/new">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.records.projects" });
  return { title: t("createTitle"), robots: { index: false, follow: false } };
}

export default async function NewProjectPage({ params }: PageProps<"/[locale]/staff/projects/new">) {
  const { locale } = await params;
  const actor = await requireStaffPage("project.manage", locale, `/${locale}/staff/projects/new`);
  setRequestLocale(locale);
  const [t, tr, parks] = await Promise.all([getTranslations("staff.records.projects"), getTranslations(), loadProjectParkOptions(actor)]);
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <p className="text-sm"><a href={`/${locale}/staff/projects`} className="text-brand-700 underline">{t("back")}</a></p>
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">{t("createTitle")}</h1>
      <section className="mt-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
        <RecordForm id="new-project" action={createProjectForm} fields={[codeField(tr), ...projectFields(tr, locale, parks)]} values={{}} hidden={{ locale }} submitLabel={t("createSubmit")} testId="new-project-form" />
      </section>
    </div>
  );
}
