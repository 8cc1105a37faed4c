// Staff sign-in: e-mail and password, then (for accounts with two-factor) the authenticator's
// code on a second screen. Until an admin exists nobody could sign in: the page says how to
// create one instead of showing a form that cannot work.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { accountPath, safeCallbackPath } from "@/lib/auth/page-guard";
import { currentSessionActor } from "@/lib/auth/session";
import { loadStaffIsSetUp } from "@/lib/auth/loaders";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/staff/sign-in">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.auth.meta" });
  return { title: t("signIn"), robots: { index: false, follow: false } };
}

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/staff/sign-in">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackPath(typeof raw === "string" ? raw : null, locale);
  const t = await getTranslations({ locale, namespace: "staff.auth" });
  if (!(await loadStaffIsSetUp())) {
    return (
      <div className="mx-auto max-w-xl px-4 py-12" data-testid="staff-not-set-up">
        <h1 className="text-2xl font-bold">{t("notSetUp.title")}</h1>
        <p className="mt-3 text-stone-700">{t("notSetUp.body")}</p>
        <pre className="mt-3 overflow-x-auto rounded-md bg-stone-900 p-3 text-sm text-stone-50"><code>npm run staff:create-admin -- --email you@example.cn --name &quot;…&quot;</code></pre>
        <p className="mt-3 text-stone-700">{t("notSetUp.after")}</p>
      </div>
    );
  }
  const actor = await currentSessionActor();
  if (actor) redirect(actor.twoFactorPending ? accountPath(locale) : callbackUrl);
  return (
    <div className="mx-auto max-w-md px-4 py-10 sm:py-16">
      <h1 className="text-2xl font-bold">{t("signIn.title")}</h1>
      <p className="mt-2 text-stone-600">{t("signIn.intro")}</p>
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}
