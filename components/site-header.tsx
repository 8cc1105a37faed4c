import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { LanguageSwitch } from "./language-switch";
import { PhoneMenu } from "./phone-menu";

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
          {/* On a phone the two links above do not fit: a disclosure menu holds them. */}
          <PhoneMenu label={t("menu")}>
            <ul aria-label={t("menuLabel")} className="absolute right-0 z-20 mt-2 w-44 rounded-md border border-stone-200 bg-white py-1 shadow-lg">
              <li>
                <Link href="/projects" className="block px-4 py-2 hover:bg-stone-50 hover:text-brand-700">
                  {t("projects")}
                </Link>
              </li>
              <li>
                <Link href="/parks" className="block px-4 py-2 hover:bg-stone-50 hover:text-brand-700">
                  {t("parks")}
                </Link>
              </li>
            </ul>
          </PhoneMenu>
          <Suspense>
            <LanguageSwitch label={t("switchTo")} ariaLabel={t("language")} />
          </Suspense>
        </nav>
      </div>
    </header>
  );
}
