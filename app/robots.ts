// robots.txt: everything public may be indexed except the JSON API and the staff pages (which
// also say noindex themselves); points at the sitemap.
import type { MetadataRoute } from "next";
import { publicBaseUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/zh/staff", "/en/staff"] }, sitemap: `${publicBaseUrl()}/sitemap.xml` };
}
