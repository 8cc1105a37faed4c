// Small pieces for the complete HTML pages the portal's server writes itself (refusals, the
// database-unavailable page, the filled-in 404), outside React.

/** Text for HTML content or a quoted attribute. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The locale of a path (`/en/...` -> en); Chinese, the default locale, otherwise. */
export function localeOfPath(pathname: string): "zh" | "en" {
  return /^\/en(\/|$|\?)/.test(pathname) ? "en" : "zh";
}
