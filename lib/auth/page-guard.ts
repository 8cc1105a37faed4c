// The first line of every staff page: who is asking, and may they open this? (A layout is not
// a guard: server actions and route handlers never run it.) Signed out: to the sign-in page,
// coming back here afterwards. An admin who has not set up two-factor yet: to the enrolment
// page (nothing else opens for them). Signed in without the permission: a 403 page.
import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Actor } from "./actor";
import { can, twoFactorBlocks, type Permission } from "./permissions";
import { currentSessionActor } from "./session";

/** Where a sign-in lands when it was not sent from a staff page. */
export const staffHomePath = (locale: string) => `/${locale}/staff/leads`;
export const accountPath = (locale: string) => `/${locale}/staff/account`;

/** Only a path of this site (no scheme, host or `//`), else the staff home (the lead inbox). */
export function safeCallbackPath(raw: string | null | undefined, locale: string): string {
  const home = staffHomePath(locale);
  if (!raw || raw.length > 2048 || !raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\") || /[\u0000-\u001f\u007f]/.test(raw)) return home;
  // Coming back to the sign-in page itself would only ask again.
  if (/^\/[a-z]{2}\/staff\/sign-in(?:[/?#]|$)/.test(raw)) return home;
  return raw;
}

export function signInPath(locale: string, returnTo: string): string {
  return `/${locale}/staff/sign-in?callbackUrl=${encodeURIComponent(safeCallbackPath(returnTo, locale))}`;
}

export async function requireStaffPage(permission: Permission, locale: string, returnTo: string): Promise<Actor> {
  const actor = await currentSessionActor();
  if (!actor) redirect(signInPath(locale, returnTo));
  if (!can(actor.role, permission)) forbidden();
  if (twoFactorBlocks(actor, permission)) redirect(`${accountPath(locale)}?enrol=required`);
  return actor;
}
