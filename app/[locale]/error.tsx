"use client";

// Something failed while rendering a page: say so in the visitor's language, offer a retry,
// and show the digest so a report can be matched to the server log. When the database is
// unavailable (its error carries a fixed digest; the HTTP status is 503), say that it is brief.
import { useTranslations } from "next-intl";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/unavailable-constants";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  const u = useTranslations("unavailable");
  const unavailable = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  return (
    <div className="mx-auto max-w-3xl px-4 py-16" role="alert">
      <h1 className="text-2xl font-bold sm:text-3xl">{unavailable ? u("title") : t("title")}</h1>
      <p className="mt-3 text-stone-600">{unavailable ? u("body") : t("body")}</p>
      {error.digest && !unavailable && <p className="mt-2 text-xs text-stone-500">{t("digest", { digest: error.digest })}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">
        {t("retry")}
      </button>
    </div>
  );
}
