import { getTranslations } from "next-intl/server";
import { ArticleSources } from "@/components/article-sources";
import { formatMoney } from "@/lib/i18n/format";
import { pick } from "@/lib/i18n/localized";
import type { ProjectDto } from "@/lib/parks/detail";

export async function ProjectCard({ locale, project, showPark = true }: { locale: string; project: ProjectDto; showPark?: boolean }) {
  const t = await getTranslations();
  return (
    <li className="rounded-lg border border-stone-200 bg-white p-4" data-testid="project-card">
      <p className="text-xs uppercase tracking-wide text-stone-500">
        {t(`industry.${project.industry}`)} · {t(`projects.stage.${project.stage}`)}
      </p>
      <p className="mt-1 font-medium">{pick(locale, project.nameZh, project.nameEn)}</p>
      <p className="text-sm text-stone-600">{pick(locale, project.companyZh, project.companyEn)}</p>
      {showPark && (
        <a href={`/${locale}/parks/${project.park.code}`} className="text-sm text-brand-700 underline">
          {pick(locale, project.park.nameZh, project.park.nameEn)}
        </a>
      )}
      <p className="mt-2 text-sm">
        {project.investmentCny !== null && t("projects.investment", { amount: formatMoney(locale, project.investmentCny, "CNY") })}
        {project.investmentCny !== null && (project.capacityZh || project.capacityEn) && " · "}
        {(project.capacityZh || project.capacityEn) && pick(locale, project.capacityZh ?? "", project.capacityEn)}
      </p>
      <p className="mt-2 text-sm text-stone-700">{pick(locale, project.descriptionZh, project.descriptionEn)}</p>
      {/* A project entered by staff names no article. */}
      <ArticleSources locale={locale} ids={project.sourceArticles} />
    </li>
  );
}
