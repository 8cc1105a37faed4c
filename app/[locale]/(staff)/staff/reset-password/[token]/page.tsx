// The page a password reset e-mail links to. Public: the person has no session (that is the
// point); the token in the address is the only key. Never indexed, and no referrer leaves it,
// so the token goes nowhere else. An expired, used or unknown link says so before anything is typed.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { loadResetLinkState } from "@/lib/auth/loaders";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";
import { ResetForm } from "./reset-form";

type Props = PageProps<"/[locale]/staff/reset-password/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.reset" });
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

const ERRORS = { expired: "resetExpired", used: "resetUsed", unknown: "resetUnknown" } as const;

export default async function ResetPasswordPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [t, state] = await Promise.all([getTranslations("staff.reset"), loadResetLinkState(token)]);
  const when = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone: CHINA_TIME_ZONE, dateStyle: "long", timeStyle: "short" });
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {state.kind === "valid" ? (
        <>
          <p className="mt-2 text-stone-600">{t("lead", { email: state.email, date: when.format(state.expiresAt) })}</p>
          <ResetForm token={token} locale={locale} limits={{ min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }} />
        </>
      ) : (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-800" data-testid="reset-refused">
          {t(`errors.${ERRORS[state.kind]}`)}
        </p>
      )}
    </div>
  );
}
