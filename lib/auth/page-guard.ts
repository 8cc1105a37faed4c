// The first line of every staff page: who is asking, and may they open this? (A layout is not
// a guard: server actions and route handlers never run it.) Signed out: to the sign-in page,
// coming back here afterwards. Signed in without the permission: a 403 page.
import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";
import { currentActor } from "./session";

/** Only a path of this site (no scheme, host or `//`), else the staff home. */
export function safeCallbackPath(raw: string | null | undefined, locale: string): string {
  const home = `/${locale}/staff`;
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\") || /[\u0000-\u001f]/.test(raw)) return home;
  return raw;
}

export function signInPath(locale: string, returnTo: string): string {
  return `/${locale}/staff/sign-in?callbackUrl=${encodeURIComponent(safeCallbackPath(returnTo, locale))}`;
}

export async function requireStaffPage(permission: Permission, locale: string, returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(signInPath(locale, returnTo));
  if (!can(actor.role, permission)) forbidden();
  return actor;
}
