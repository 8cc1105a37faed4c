// A status link whose time is up (STATUS_VALID_DAYS after the inquiry): says so plainly and
// what to do next. It names nothing of the inquiry (no reference, no land, no officer): whoever
// holds an old link learns only that it was one of ours.
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { STATUS_VALID_DAYS } from "@/lib/inquiry/status-token";

export async function LinkExpired({ locale }: { locale: string }) {
  const t = await getTranslations("investor.alerts.status.expired");
  // The office's mailbox, where replies to the confirmation e-mail go too (unset without mail).
  const office = env().MAIL_REPLY_TO;
  return (
    <div className="mx-auto max-w-xl px-4 py-10" data-testid="status-expired">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-stone-700">{t("body", { days: STATUS_VALID_DAYS })}</p>
      <h2 className="mt-6 font-semibold">{t("what")}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-stone-700">
        <li>{t("reply")}</li>
        {office && (
          <li>
            {t("write")} <a className="text-brand-700 underline" href={`mailto:${office}`}>{office}</a>
          </li>
        )}
        <li>
          <a className="text-brand-700 underline" href={`/${locale}/inquiry`}>{t("newInquiry")}</a>
        </li>
      </ul>
    </div>
  );
}
