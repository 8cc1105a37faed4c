// Field errors of an API answer in the caller's language. Route handlers have no page locale,
// so the language comes from a `locale` parameter, else Accept-Language, else Chinese (the
// portal's default); the answer carries the message keys as well for programs.
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import finderEn from "@/messages/investor/finder.en.json";
import finderZh from "@/messages/investor/finder.zh.json";
import { translateSearchMessage } from "@/lib/search/finder-messages";
import { routing, type Locale } from "@/i18n/routing";
import type { FieldErrors } from "./field-errors";
import type { Translator } from "./messages";

const MESSAGES = { zh, en } as const;
// The land search's own messages (drawn area, price as typed) live in its message area.
const FINDER = { zh: finderZh, en: finderEn } as const;

const isLocale = (v: string | null | undefined): v is Locale => (routing.locales as readonly string[]).includes(v ?? "");

/** `locale=en`, else the first of zh/en in Accept-Language by quality, else the default. */
export function apiLocale(params: URLSearchParams, acceptLanguage: string | null): Locale {
  const asked = params.get("locale");
  if (isLocale(asked)) return asked;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...attrs] = part.trim().split(";");
      const q = attrs.map((a) => a.trim()).find((a) => a.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { lang: tag.toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0, i };
    })
    .filter((r) => r.quality > 0 && isLocale(r.lang))
    .sort((a, b) => b.quality - a.quality || a.i - b.i);
  return (ranked[0]?.lang as Locale | undefined) ?? routing.defaultLocale;
}

// Typed from the JSON, these translators only take literal keys; the keys here come from data
// (checked by translateFieldMessage), hence the widening.
const translators = new Map<Locale, Translator>();
const translatorFor = (locale: Locale): Translator => {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "validation" }) as unknown as Translator;
    translators.set(locale, t);
  }
  return t;
};

const finderTranslators = new Map<Locale, Translator>();
const finderFor = (locale: Locale): Translator => {
  let t = finderTranslators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: FINDER[locale] as Record<string, unknown> }) as unknown as Translator;
    finderTranslators.set(locale, t);
  }
  return t;
};

export function localizedFieldErrors(errors: FieldErrors, locale: Locale): Record<string, string> {
  const t = translatorFor(locale);
  const tf = finderFor(locale);
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, translateSearchMessage(t, tf, message)]));
}
