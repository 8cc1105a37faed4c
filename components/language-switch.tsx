"use client";

import { useLocale } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/i18n/navigation";

/** Same page, other language: keeps the path and the query (filters live in the URL). */
export function LanguageSwitch({ label, ariaLabel }: { label: string; ariaLabel: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const query = Object.fromEntries(useSearchParams().entries());
  const other = locale === "zh" ? "en" : "zh";
  return (
    <Link
      href={{ pathname, query }}
      locale={other}
      hrefLang={other === "zh" ? "zh-CN" : "en"}
      className="rounded-full border border-stone-300 px-3 py-1 hover:border-brand-600 hover:text-brand-700"
    >
      {/* "Language: English" to a screen reader, the name in its own language (WCAG 3.1.2) */}
      <span className="sr-only">{ariaLabel}: </span>
      <span lang={other === "zh" ? "zh-CN" : "en"}>{label}</span>
    </Link>
  );
}
