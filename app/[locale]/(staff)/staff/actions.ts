"use server";

import { redirect } from "next/navigation";
import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { signOutAction } from "@/lib/auth/actions";

/** The staff bar's sign-out button (a plain form: works without JavaScript). */
export async function signOut(form: unknown): Promise<void> {
  const locale = form instanceof FormData ? form.get("locale") : null;
  await signOutAction(null);
  redirect(`/${typeof locale === "string" && hasLocale(routing.locales, locale) ? locale : routing.defaultLocale}/staff/sign-in`);
}
