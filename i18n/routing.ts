import { defineRouting } from "next-intl/routing";

// Chinese first: most visitors are domestic firms; English for European, RCEP and
// overseas-Chinese investors. Every URL carries its locale so links can be shared.
export const routing = defineRouting({
  locales: ["zh", "en"],
  defaultLocale: "zh",
  localePrefix: "always",
});

export type Locale = (typeof routing.locales)[number];
