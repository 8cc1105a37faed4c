// The staff bar above every staff page: the links the actor's permissions allow, their name,
// sign-out. Not a guard (server actions and route handlers never run a layout): every page
// calls requireStaffPage itself. Signed out (the sign-in page), there is no bar.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentSessionActor } from "@/lib/auth/session";
import { signOut } from "./actions";
import { staffLinks } from "./staff-links";

// Nothing under /staff belongs in a search engine (robots.txt says so too).
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function StaffLayout({ children, params }: LayoutProps<"/[locale]/staff">) {
  const { locale } = await params;
  const actor = await currentSessionActor();
  if (!actor) return children;
  const t = await getTranslations({ locale, namespace: "staff.auth.nav" });
  return (
    <>
      <div className="border-b border-brand-900 bg-brand-900 text-white" data-testid="staff-bar">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm">
          <span className="font-semibold">{t("area")}</span>
          <nav aria-label={t("label")} className="order-last w-full overflow-x-auto sm:order-none sm:w-auto">
            <ul className="flex gap-1 whitespace-nowrap">
              {staffLinks(actor).map((l) => (
                <li key={l.key}>
                  <a href={`/${locale}${l.href}`} className="inline-block rounded px-2 py-1 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white">
                    {t(l.key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <span className="ml-auto truncate text-white/80" title={actor.email}>{t("signedInAs", { name: actor.name })}</span>
          <form action={signOut}>
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className="rounded border border-white/40 px-2 py-1 hover:bg-white/10" data-testid="sign-out">
              {t("signOut")}
            </button>
          </form>
        </div>
      </div>
      {children}
    </>
  );
}
