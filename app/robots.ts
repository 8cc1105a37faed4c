// robots.txt: everything public may be indexed except the JSON API; points at the sitemap.
import type { MetadataRoute } from "next";
import { publicBaseUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/", disallow: "/api/" }, sitemap: `${publicBaseUrl()}/sitemap.xml` };
}
