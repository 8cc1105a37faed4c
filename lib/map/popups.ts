// What a result marker's popup says on the search map: the block's size and its park(s), the
// same words as its card.
import { formatArea } from "../i18n/format";

export function blockPopups(
  locale: string,
  results: readonly { key: string; areaM2: number; parkIds: readonly string[] }[],
  parkNames: ReadonlyMap<string, string>,
): Record<string, { title: string; subtitle: string }> {
  return Object.fromEntries(results.map((b) => [b.key, { title: formatArea(locale, b.areaM2), subtitle: b.parkIds.map((id) => parkNames.get(id) ?? "").join(" / ") }]));
}
