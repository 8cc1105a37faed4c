// "Download data sheet (PDF)": one link on the block, parcel and park pages.
import { getTranslations } from "next-intl/server";

export async function DataSheetLink({ href, className = "" }: { href: string; className?: string }) {
  const t = await getTranslations("investor.sheets");
  return (
    <a
      href={href}
      download
      data-testid="data-sheet-link"
      className={`inline-flex items-center gap-2 rounded-md border border-brand-700 px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 ${className}`}
    >
      <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M8 2v8m0 0L5 7m3 3 3-3M3 12v2h10v-2" />
      </svg>
      {t("download")}
      <span className="text-xs font-normal text-stone-500">{t("downloadHint", { language: t("language") })}</span>
    </a>
  );
}
