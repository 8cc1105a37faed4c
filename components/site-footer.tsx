import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  const th = await getTranslations("home");
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-6 text-xs text-stone-500">
        <p>{t("sources")}</p>
        <p>{th("illustrative")}</p>
        <p>© {t("rights")}</p>
      </div>
    </footer>
  );
}
