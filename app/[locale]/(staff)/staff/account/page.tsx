// My account: password change and two-factor sign-in (enrolment with a QR code drawn on the
// server, recovery codes shown once). The one staff page an admin who has not set up
// two-factor yet can open.
import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import QRCode from "qrcode";
import { sealEnrolment } from "@/lib/auth/account";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { newTotpSecret, totpUri } from "@/lib/auth/totp";
import { loadTwoFactorStatus } from "@/lib/auth/loaders";
import { PasswordForm, RegenerateForm, TotpEnrolForm } from "./account-forms";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";

export async function generateMetadata({ params }: PageProps<"/[locale]/staff/account">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.auth.meta" });
  return { title: t("account"), robots: { index: false, follow: false } };
}

/** Groups of four, as authenticator apps show a key typed by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)!.join(" ");

export default async function AccountPage({ params, searchParams }: PageProps<"/[locale]/staff/account">) {
  const { locale } = await params;
  const actor = await requireStaffPage("account.self", locale, `/${locale}/staff/account`);
  setRequestLocale(locale);
  const [t, format, status, sp] = await Promise.all([
    getTranslations({ locale, namespace: "staff.auth.account" }),
    getFormatter({ locale }),
    loadTwoFactorStatus(actor.id),
    searchParams,
  ]);
  let enrolment: { sealed: string; secret: string; svg: string } | null = null;
  if (!status.enabledAt) {
    const secret = newTotpSecret();
    const svg = await QRCode.toString(totpUri(secret, actor.email), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    enrolment = { sealed: sealEnrolment(actor.id, secret), secret, svg };
  }
  return (
    <div className="mx-auto max-w-2xl space-y-10 px-4 py-8">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-stone-600">{t("signedInAs", { name: actor.name, email: actor.email, role: t(`roles.${actor.role}`) })}</p>
        {(actor.twoFactorPending || sp.enrol === "required") && !status.enabledAt && (
          <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900" data-testid="enrol-required">
            {t("enrolRequired")}
          </p>
        )}
      </div>

      <section aria-labelledby="two-factor">
        <h2 id="two-factor" className="text-lg font-semibold">{t("twoFactor.title")}</h2>
        {status.enabledAt ? (
          <>
            <p className="mt-2" data-testid="totp-enabled">
              {t("twoFactor.enabledSince", { date: format.dateTime(status.enabledAt, { dateStyle: "medium", timeZone: CHINA_TIME_ZONE }) })}{" "}
              {t("twoFactor.recoveryLeft", { count: status.recoveryCodesLeft })}
            </p>
            <RegenerateForm />
          </>
        ) : (
          enrolment && (
            <>
              {actor.role !== "ADMIN" && <p className="mt-2 text-stone-700">{t("twoFactor.offer")}</p>}
              <p className="mt-3">{t("twoFactor.scan")}</p>
              <div className="mt-3 flex flex-col gap-4 sm:flex-row sm:items-center">
                <div className="h-48 w-48 shrink-0 bg-white p-1 [&>svg]:h-full [&>svg]:w-full" role="img" aria-label="QR" dangerouslySetInnerHTML={{ __html: enrolment.svg }} />
                <p className="text-sm">
                  {t("twoFactor.secret")}: <code className="break-all rounded bg-stone-100 px-1 py-0.5 font-mono" data-testid="totp-secret">{grouped(enrolment.secret)}</code>
                </p>
              </div>
              <TotpEnrolForm enrolment={enrolment.sealed} />
            </>
          )
        )}
      </section>

      <section aria-labelledby="password">
        <h2 id="password" className="text-lg font-semibold">{t("password.title")}</h2>
        <p className="mt-1 text-sm text-stone-600">{t("password.hint")}</p>
        <PasswordForm />
      </section>
    </div>
  );
}
