// sitemap.xml for search engines: the public pages and every park, each in both languages
// with its alternate. Built per request from the database (parks change; a build has none).
import type { MetadataRoute } from "next";
import { publicBaseUrl } from "@/lib/env";
import { loadParkCodes } from "@/lib/parks/loaders";
import { routing } from "@/i18n/routing";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = publicBaseUrl();
  const parks = await loadParkCodes();
  const pages: { path: string; lastModified?: Date; priority: number }[] = [
    { path: "", priority: 1 },
    { path: "/search", priority: 0.9 },
    { path: "/parks", priority: 0.8 },
    { path: "/projects", priority: 0.6 },
    ...parks.map((p) => ({ path: `/parks/${p.code}`, lastModified: p.updatedAt, priority: 0.7 })),
  ];
  return pages.flatMap(({ path, lastModified, priority }) =>
    routing.locales.map((locale) => ({
      url: `${base}/${locale}${path}`,
      lastModified,
      priority,
      alternates: { languages: { "zh-CN": `${base}/zh${path}`, en: `${base}/en${path}` } },
    })),
  );
}
