import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ProjectCard } from "@/components/project-card";
import { SelectField } from "@/components/select-field";
import { Industry, ProjectStage } from "@/lib/generated/prisma/enums";
import { pick } from "@/lib/i18n/localized";
import { loadProjects } from "@/lib/parks/loaders";
import { filterProjects, groupByPark, projectFilterSchema } from "@/lib/projects/public-filter";
import { searchParamsToObject } from "@/lib/search/schemas";

export async function generateMetadata({ params }: PageProps<"/[locale]/projects">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "projects" });
  return { title: t("title") };
}

export default async function ProjectsPage({ params, searchParams }: PageProps<"/[locale]/projects">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const [all, t] = await Promise.all([loadProjects(), getTranslations()]);
  const raw = searchParamsToObject(await searchParams);
  const parsed = projectFilterSchema.safeParse(raw);
  // An unknown value in a hand-edited URL shows everything rather than nothing.
  const filter = parsed.success ? parsed.data : projectFilterSchema.parse({});
  const groups = groupByPark(filterProjects(all, filter));
  // The park choices are the parks that have projects, in the list's order.
  const parks = groupByPark(all).map((g) => g.park);
  const value = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  const select = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";
  const shown = groups.reduce((n, g) => n + g.projects.length, 0);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("projects.title")}</h1>
      <p className="mt-2 text-stone-600">{t("projects.lead")}</p>
      <form method="get" className="mt-4 grid gap-3 sm:grid-cols-4" aria-label={t("projects.filters")}>
        <SelectField name="park" label={t("projects.park")} anyLabel={t("search.any")} className={select} defaultValue={value("park")} options={parks.map((p) => ({ value: p.code, label: pick(locale, p.nameZh, p.nameEn) }))} />
        <SelectField name="industry" label={t("search.industry")} anyLabel={t("search.any")} className={select} defaultValue={value("industry")} options={Object.values(Industry).map((i) => ({ value: i, label: t(`industry.${i}`) }))} />
        <SelectField name="stage" label={t("projects.stageLabel")} anyLabel={t("search.any")} className={select} defaultValue={value("stage")} options={Object.values(ProjectStage).map((s) => ({ value: s, label: t(`projects.stage.${s}`) }))} />
        <div className="flex items-end">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">{t("search.submit")}</button>
        </div>
      </form>
      <p className="mt-4 text-sm text-stone-600" role="status" data-testid="projects-count">{t("projects.count", { projects: shown, parks: groups.length })}</p>
      {groups.length === 0 && <p className="mt-4 rounded-md bg-white p-4 text-sm" data-testid="projects-none">{t("projects.none")} <a className="text-brand-700 underline" href={`/${locale}/projects`}>{t("projects.clear")}</a></p>}
      {groups.map((g) => (
        <section key={g.park.code} aria-labelledby={`park-${g.park.code}`} className="mt-8" data-testid="project-group">
          <h2 id={`park-${g.park.code}`} className="text-lg font-semibold">
            <a className="text-brand-700 hover:underline" href={`/${locale}/parks/${encodeURIComponent(g.park.code)}`}>{pick(locale, g.park.nameZh, g.park.nameEn)}</a>
            <span className="ml-2 text-sm font-normal text-stone-500">{t("projects.inPark", { count: g.projects.length })}</span>
          </h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {g.projects.map((p) => (
              <ProjectCard key={p.code} locale={locale} project={p} showPark={false} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
