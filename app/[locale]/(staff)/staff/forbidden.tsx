// The 403 page of a staff page the actor may not open (requireStaffPage -> forbidden()).
import { getLocale, getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const [t, locale] = await Promise.all([getTranslations("staff.auth.forbidden"), getLocale()]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-16" data-testid="staff-forbidden">
      <p className="text-sm font-medium text-brand-700">403</p>
      <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-3 text-stone-600">{t("body")}</p>
      <p className="mt-6"><a className="text-brand-700 underline" href={`/${locale}/staff/leads`}>{t("back")}</a></p>
    </div>
  );
}
