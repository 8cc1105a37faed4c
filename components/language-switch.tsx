"use client";

import { useSyncExternalStore, type MouseEvent } from "react";
import { useLocale } from "next-intl";
import { useSearchParams } from "next/navigation";
import { getPathname, usePathname } from "@/i18n/navigation";

// The fragment never reaches the server, so it is read in the browser: on hydration and on
// every hashchange (the link's href then carries it, for a new tab too).
function subscribeHash(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  window.addEventListener("popstate", onChange);
  return () => {
    window.removeEventListener("hashchange", onChange);
    window.removeEventListener("popstate", onChange);
  };
}

/** `/en/search` + the query exactly as it is (every repeated value, in order) + the fragment. */
export function switchHref(pathname: string, search: string, hash: string): string {
  return `${pathname}${search ? `?${search.replace(/^\?/, "")}` : ""}${hash && hash !== "#" ? hash : ""}`;
}

/**
 * Same page, other language: keeps the path, the whole query (filters live in the URL;
 * repeated parameters such as `ready=power&ready=gas` are kept, an object of entries kept only
 * the last one) and the `#` anchor. A plain link: the other language is another root layout, a
 * full page load either way, and without JavaScript it still keeps the query.
 */
export function LanguageSwitch({ label, ariaLabel }: { label: string; ariaLabel: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const hash = useSyncExternalStore(subscribeHash, () => window.location.hash, () => "");
  const other = locale === "zh" ? "en" : "zh";
  const base = getPathname({ href: pathname, locale: other });
  // A fragment set by script without a hashchange event (history.pushState) is read on click.
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    e.currentTarget.href = switchHref(base, search, window.location.hash);
  };
  return (
    <a
      href={switchHref(base, search, hash)}
      onClick={onClick}
      hrefLang={other === "zh" ? "zh-CN" : "en"}
      data-testid="language-switch"
      className="rounded-full border border-stone-300 px-3 py-1 hover:border-brand-600 hover:text-brand-700"
    >
      {/* "Language: English" to a screen reader, the name in its own language (WCAG 3.1.2) */}
      <span className="sr-only">{ariaLabel}: </span>
      <span lang={other === "zh" ? "zh-CN" : "en"}>{label}</span>
    </a>
  );
}
