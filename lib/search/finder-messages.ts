// Field messages of the search's own filters (drawn area, price as typed in China, the
// logistics filter). They travel like lib/validation/messages.ts keys, as plain strings
// ("finder.areaRadius:100"), and are read from messages/investor/finder.<locale>.json
// (`investor.finder.errors.*`), so the shared validation block stays as it is.
import { decodeMessage, translateFieldMessage, type Translator } from "../validation/messages";

export const FINDER_MESSAGES = [
  "areaFormat",
  "areaVertices",
  "areaTooFewVertices",
  "areaSelfIntersecting",
  "areaRadius",
  "areaCoordinates",
  "priceFormat",
  "nearKmMissing",
  "nearKindMissing",
] as const;
export type FinderMessage = (typeof FINDER_MESSAGES)[number];

const PREFIX = "finder.";

export function finderMessage(key: FinderMessage): string {
  return PREFIX + key;
}

/**
 * A search field message in the visitor's language: ours from `tf` (scoped to
 * "investor.finder"), the shared ones from `tv` (scoped to "validation").
 */
export function translateSearchMessage(tv: Translator, tf: Translator, message: string): string {
  if (message.startsWith(PREFIX)) {
    const { key, values } = decodeMessage(message.slice(PREFIX.length));
    const k = `errors.${key}`;
    if ((FINDER_MESSAGES as readonly string[]).includes(key) && tf.has(k)) return tf(k, values.limit === undefined ? {} : { limit: values.limit });
  }
  return translateFieldMessage(tv, message);
}
