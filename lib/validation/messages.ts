// The field messages every public schema may give: keys of the "validation" block of
// messages/zh.json and messages/en.json. Browser-safe (the inquiry form checks before sending).
//
// One shape everywhere: a message is a string, either a bare key ("mustBeNumber") or a key and
// the limit it names ("tooLarge:1000000000"). A string travels unchanged through zod issues,
// action results (fieldErrors is Record<string, string>) and JSON, and the translations take
// the limit as their `{limit}` argument so the visitor reads the actual bound.

export const VALIDATION_MESSAGES = [
  "required",
  "invalid",
  "notAChoice",
  "repeated",
  "tooShort",
  "tooLong",
  "mustBeNumber",
  "mustBeWhole",
  "mustBePositive",
  "tooLarge",
  "mustBeDate",
  "noSuchDate",
  "maxBelowMin",
  "email",
  "phone",
  "consent",
  "controlCharacters",
] as const;

export type ValidationMessage = (typeof VALIDATION_MESSAGES)[number];

/** Keys whose text names a limit, and so are always sent with one. */
export const MESSAGES_WITH_LIMIT: ReadonlySet<ValidationMessage> = new Set(["tooShort", "tooLong", "tooLarge"]);

export function messageOf(key: ValidationMessage, limit?: number): string {
  return limit === undefined ? key : `${key}:${limit}`;
}

export interface DecodedMessage {
  key: string;
  values: { limit?: number };
}

export function decodeMessage(message: string): DecodedMessage {
  const colon = message.indexOf(":");
  if (colon < 0) return { key: message, values: {} };
  const limit = Number(message.slice(colon + 1));
  return { key: message.slice(0, colon), values: Number.isFinite(limit) ? { limit } : {} };
}

export function isValidationMessage(key: string): key is ValidationMessage {
  return (VALIDATION_MESSAGES as readonly string[]).includes(key);
}

/** The subset of a next-intl translator this needs (server `getTranslations` or client `useTranslations`). */
export interface Translator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/**
 * A field message in the visitor's language, `t` scoped to the "validation" namespace. A key
 * the messages lack falls back to the generic "invalid": a person never sees a raw key or a
 * library's English default.
 */
export function translateFieldMessage(t: Translator, message: string): string {
  const { key, values } = decodeMessage(message);
  if (!isValidationMessage(key) || !t.has(key)) return t("invalid");
  return t(key, values.limit === undefined ? {} : { limit: values.limit });
}
