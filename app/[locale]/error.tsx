"use client";

// Something failed while rendering a page (typically the database): say so in the visitor's
// language, offer a retry, and show the digest so a report can be matched to the server log.
import { useTranslations } from "next-intl";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <div className="mx-auto max-w-3xl px-4 py-16" role="alert">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-3 text-stone-600">{t("body")}</p>
      {error.digest && <p className="mt-2 text-xs text-stone-500">{t("digest", { digest: error.digest })}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">
        {t("retry")}
      </button>
    </div>
  );
}
