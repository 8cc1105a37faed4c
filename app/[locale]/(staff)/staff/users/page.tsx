import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";
import { pick } from "@/lib/i18n/localized";
import { loadStaffPage } from "@/lib/staff/loaders";
import type { StaffParkDto, StaffRowDto } from "@/lib/staff/queries";
import { CreateStaffForm } from "./create-staff-form";
import { ParksForm, ResetLinkForm, RoleForm, StatusForm } from "./staff-row-forms";

export async function generateMetadata({ params }: PageProps<"/[locale]/staff/users">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.users" });
  return { title: t("title"), robots: { index: false } };
}

export default async function StaffUsersPage({ params }: PageProps<"/[locale]/staff/users">) {
  const { locale } = await params;
  const actor = await requireStaffPage("user.manage", locale, `/${locale}/staff/users`);
  setRequestLocale(locale);
  const t = await getTranslations("staff.users");
  const { rows, total, parks } = await loadStaffPage();
  const disabled = rows.filter((r) => r.disabled).length;
  const when = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone: CHINA_TIME_ZONE, dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-600">{t("lead")}</p>

      <section aria-labelledby="create-title" className="mt-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="create-title" className="mb-4 text-lg font-semibold">{t("create.title")}</h2>
        <CreateStaffForm locale={locale} parks={parks} passwordLimits={{ min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }} />
      </section>

      <section aria-labelledby="list-title" className="mt-8">
        <h2 id="list-title" className="text-lg font-semibold">{t("list.title")}</h2>
        <p className="mt-1 text-sm text-stone-600" data-testid="staff-summary">
          {t("summary", { total, active: total - disabled, disabled })}
        </p>
        {total > rows.length && <p className="mt-1 text-sm text-stone-600">{t("limited", { shown: rows.length, total })}</p>}
        {rows.length <= 1 && <p className="mt-3 rounded-md border border-dashed border-stone-300 p-4 text-sm text-stone-600">{t("onlyYou")}</p>}
        <ul className="mt-4 space-y-3">
          {rows.map((row) => (
            <StaffCard key={row.id} row={row} isSelf={row.id === actor.id} locale={locale} lastSignIn={row.lastLoginAt ? when.format(row.lastLoginAt) : null} parks={parks} t={t} />
          ))}
        </ul>
      </section>
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"staff.users">>>;

function Badge({ children, tone }: { children: React.ReactNode; tone: "brand" | "stone" | "red" | "amber" }) {
  const tones = { brand: "bg-brand-50 text-brand-900", stone: "bg-stone-100 text-stone-700", red: "bg-red-50 text-red-800", amber: "bg-amber-50 text-amber-900" };
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}

function StaffCard({ row, isSelf, locale, lastSignIn, parks, t }: { row: StaffRowDto; isSelf: boolean; locale: string; lastSignIn: string | null; parks: StaffParkDto[]; t: T }) {
  const parkNames = row.parks.map((p) => pick(locale, p.nameZh, p.nameEn)).join(locale === "en" ? ", " : "、");
  return (
    <li className={`rounded-lg border p-4 ${row.disabled ? "border-stone-200 bg-stone-50" : "border-stone-200 bg-white"}`} data-testid="staff-row" data-email={row.email}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">{row.name}</h3>
        {isSelf && <Badge tone="stone">{t("list.you")}</Badge>}
        <Badge tone="brand">{t(`roles.${row.role}`)}</Badge>
        <Badge tone={row.disabled ? "red" : "stone"}>{row.disabled ? t("list.disabled") : t("list.active")}</Badge>
        <Badge tone={row.twoFactor ? "stone" : "amber"}>{row.twoFactor ? t("list.twoFactorOn") : t("list.twoFactorOff")}</Badge>
      </div>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="sr-only">{t("create.email")}</dt>
        <dd className="break-all text-stone-700 sm:col-span-2">{row.email}</dd>
        <dt className="text-stone-500">{t("list.lastSignIn")}</dt>
        <dd>{lastSignIn ?? t("list.never")}</dd>
        <dt className="text-stone-500">{t("list.parks")}</dt>
        <dd>{row.role === "ADMIN" ? t("list.allParks") : parkNames || <span className="text-amber-900">{t("list.noParks")}</span>}</dd>
      </dl>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-brand-700" aria-label={t("list.editOf", { name: row.name })}>
          {t("list.edit")}
        </summary>
        <div className="mt-3 grid gap-4 border-t border-stone-200 pt-3 md:grid-cols-2">
          <RoleForm row={row} parks={parks} locale={locale} isSelf={isSelf} />
          <StatusForm row={row} parks={parks} locale={locale} isSelf={isSelf} />
          <div className="md:col-span-2">
            <ParksForm row={row} parks={parks} locale={locale} isSelf={isSelf} />
          </div>
          {!isSelf && (
            <div className="md:col-span-2">
              <ResetLinkForm row={row} parks={parks} locale={locale} isSelf={isSelf} />
            </div>
          )}
        </div>
      </details>
    </li>
  );
}
