import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const tm = await getTranslations("meta");
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="font-semibold text-brand-700">
          {tm("title")}
        </Link>
        <nav aria-label={t("main")} className="flex items-center gap-4 text-sm">
          <Link href="/search" className="hover:text-brand-700">
            {t("search")}
          </Link>
          <Link href="/projects" className="hidden hover:text-brand-700 sm:inline">
            {t("projects")}
          </Link>
          <Link href="/parks" className="hidden hover:text-brand-700 sm:inline">
            {t("parks")}
          </Link>
          <Suspense>
            <LanguageSwitch label={t("switchTo")} ariaLabel={t("language")} />
          </Suspense>
        </nav>
      </div>
    </header>
  );
}
