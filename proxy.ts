// Locale negotiation only (Accept-Language / cookie -> /zh or /en). Authorization is never
// decided here: pages, actions and route handlers check it next to the data.
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";
import { withSingleDecode } from "./lib/http/single-decode";

export default withSingleDecode(createMiddleware(routing));

export const config = {
  // Everything except API routes, Next internals and files with an extension.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
