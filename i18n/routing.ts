import { defineRouting } from "next-intl/routing";

// Chinese first: most visitors are domestic firms; English for European, RCEP and
// overseas-Chinese investors. Every URL carries its locale so links can be shared.
export const routing = defineRouting({
  locales: ["zh", "en"],
  defaultLocale: "zh",
  localePrefix: "always",
  // The language switch writes NEXT_LOCALE in the browser too (next-intl's Link): Secure there
  // when the page itself came over https, as the proxy's cookie is (lib/http/portal-proxy.ts).
  // `secure: false` would still write the bare attribute, so it is left out instead.
  localeCookie: typeof window !== "undefined" && window.location.protocol === "https:" ? { secure: true } : {},
});

export type Locale = (typeof routing.locales)[number];
