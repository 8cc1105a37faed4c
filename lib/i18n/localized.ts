// Rows carry both languages (zh and en columns); pages pick one. English falls back to
// Chinese rather than showing nothing when a translation is missing.
export type Localized = { zh: string; en: string };

export function pick(locale: string, zh: string, en: string | null | undefined): string {
  return locale === "en" ? en || zh : zh;
}
