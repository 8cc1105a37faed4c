// The admins' project list (project.manage), with a link to each project's edit page and to a new one.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { pick } from "@/lib/i18n/localized";
import { loadAdminProjects } from "@/lib/projects/loaders";

export async function generateMetadata({ params }: PageProps<"/[locale]/staff/projects">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.records.projects" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function StaffProjectsPage({ params }: PageProps<"/[locale]/staff/projects">) {
  const { locale } = await params;
  const actor = await requireStaffPage("project.manage", locale, `/${locale}/staff/projects`);
  setRequestLocale(locale);
  const [t, tr, projects] = await Promise.all([getTranslations("staff.records.projects"), getTranslations(), loadAdminProjects(actor)]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
          <p className="mt-2 max-w-3xl text-stone-600">{t("lead")}</p>
        </div>
        <a href={`/${locale}/staff/projects/new`} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">{t("create")}</a>
      </div>
      {projects.length === 0 ? (
        <p className="mt-6 text-stone-600">{t("none")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="projects-table">
            <thead className="bg-stone-50 text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2">{t("name")}</th>
                <th scope="col" className="px-3 py-2">{t("company")}</th>
                <th scope="col" className="px-3 py-2">{t("park")}</th>
                <th scope="col" className="px-3 py-2">{t("stage")}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.code} className="border-t border-stone-100">
                  <td className="px-3 py-2">
                    <a href={`/${locale}/staff/projects/${p.code}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{pick(locale, p.nameZh, p.nameEn)}</a>
                  </td>
                  <td className="px-3 py-2">{pick(locale, p.companyZh, p.companyEn)}</td>
                  <td className="px-3 py-2">{pick(locale, p.park.nameZh, p.park.nameEn)}</td>
                  <td className="px-3 py-2">{tr(`projects.stage.${p.stage}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
