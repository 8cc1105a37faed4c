// Lighthouse (mobile: its default form factor, screen and simulated throttling) on the investor
// pages of the built, started portal (`npm start` on the Jiangmen seed, as bench/http-search.ts
// starts it), with Debian's Chromium. Each page is run `runs` times and the median run kept
// (the median by performance score, so its metrics belong to one real run, not a mix).
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { freePort } from "../tests/setup/free-port";
import { startPortal } from "../tests/setup/portal-process";

const CHROMIUM = "/usr/bin/chromium";
const DATA_DIR = ".data/bench-lighthouse";
/** The issue's goals: search 90, every other investor page 95, accessibility 95, CLS < 0.1. */
const GOAL = { search: 90, other: 95, accessibility: 95, cls: 0.1 };

interface PageRun {
  performance: number;
  accessibility: number;
  cls: number;
  tbt: number;
  lcp: number;
  fcp: number;
  /** Lighthouse's measure of this machine's speed at the time (higher is faster; ~1,000+ unloaded) */
  benchmarkIndex: number;
}

/** The first `/{locale}/{section}/...` link in a page's HTML: pages named by real seed codes. */
async function firstLink(url: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(url)).text();
  const hit = pattern.exec(html);
  if (!hit) throw new Error(`no link matching ${pattern} in ${url}`);
  return hit[1]!.replaceAll("&amp;", "&");
}

/** The pages measured, per locale: paths found by following the seed's own links. */
async function investorPages(base: string): Promise<{ name: string; path: string }[]> {
  const park = await firstLink(`${base}/en/parks`, /href="\/en(\/parks\/[^"?#/]+)"/);
  const block = await firstLink(`${base}/en/search`, /href="\/en(\/blocks\/[^"?#]+)[^"]*"/);
  const parcel = await firstLink(`${base}${"/en"}${block}`, /href="\/en(\/parcels\/[^"?#]+)"/);
  // The "add to compare" links of the first two results, followed as a visitor does.
  const add1 = await firstLink(`${base}/en/search`, /href="(\?[^"]*compare=[^"]+)"/);
  const add2 = await firstLink(`${base}/en/search${add1}`, /href="(\?[^"]*compare=[^"%]+%2C[^"]+)"/);
  const pages = [
    { name: "home", path: "" },
    { name: "park directory", path: "/parks" },
    { name: "park", path: park },
    { name: "projects", path: "/projects" },
    { name: "parcel", path: parcel },
    { name: "block", path: block },
    { name: "search", path: "/search" },
    { name: "search ?minArea=500", path: "/search?minArea=500" },
    { name: "compare", path: `/compare${add2}` },
    { name: "inquiry", path: "/inquiry" },
  ];
  return ["zh", "en"].flatMap((locale) => pages.map((p) => ({ name: `${locale} ${p.name}`, path: `/${locale}${p.path}` })));
}

async function runOnce(url: string, port: number, report: string): Promise<PageRun> {
  let result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
  // A trace that Chromium failed to record (NO_NAVSTART, seen on a loaded machine) says nothing
  // about the page: asked again once, as Lighthouse's own message advises.
  if (result?.lhr.runtimeError) result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
  if (!result) throw new Error(`lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  // The full report of each run, to see what a score is made of (.data is not committed).
  fs.writeFileSync(report, JSON.stringify(lhr));
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    cls: num("cumulative-layout-shift"),
    tbt: num("total-blocking-time"),
    lcp: num("largest-contentful-paint"),
    fcp: num("first-contentful-paint"),
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

const median = (runs: PageRun[]): PageRun => [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)]!;

/** Lighthouse on every investor page, `runs` runs each; lines for the README, misses flagged. */
export async function benchLighthouse(runs: number, filter?: string): Promise<string[]> {
  if (!fs.existsSync(CHROMIUM)) return [`Lighthouse: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`];
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  fs.mkdirSync(`${DATA_DIR}/reports`, { recursive: true });
  const portal = await startPortal(await freePort(), { DATABASE_URL: "", EMBEDDED_PG_DIR: `${DATA_DIR}/postgres`, EMBEDDED_PG_PORT: String(await freePort()) }, 600_000);
  // The same switches as the e2e browser (tests/e2e/browser.ts): WebGL still works (SwiftShader),
  // so the search page's map is really drawn and counted.
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const lines = [`Lighthouse 12.2.3, mobile (default throttling), median of ${runs} run(s) per page, Debian Chromium:`];
  try {
    let pages = await investorPages(portal.baseUrl);
    // --page=search,block: the pages whose name has any of these.
    if (filter) pages = pages.filter((p) => filter.split(",").some((f) => p.name.includes(f)));
    for (const page of pages) {
      const results: PageRun[] = [];
      for (let i = 0; i < runs; i++) results.push(await runOnce(`${portal.baseUrl}${page.path}`, chrome.port, `${DATA_DIR}/reports/${page.name.replace(/[^a-z0-9]+/gi, "-")}-${i + 1}.json`));
      const m = median(results);
      const perfGoal = page.name.includes("search") ? GOAL.search : GOAL.other;
      const misses = [
        m.performance < perfGoal && `performance < ${perfGoal}`,
        m.accessibility < GOAL.accessibility && `accessibility < ${GOAL.accessibility}`,
        m.cls >= GOAL.cls && `CLS >= ${GOAL.cls}`,
      ].filter(Boolean);
      const line =
        `  ${page.name.padEnd(24)} performance ${String(m.performance).padStart(3)} (runs ${results.map((r) => r.performance).join("/")}), ` +
        `accessibility ${String(m.accessibility).padStart(3)}, CLS ${m.cls.toFixed(3)}, TBT ${m.tbt.toFixed(0)} ms, ` +
        `LCP ${(m.lcp / 1000).toFixed(2)} s, FCP ${(m.fcp / 1000).toFixed(2)} s, machine index ${m.benchmarkIndex.toFixed(0)}${misses.length ? `  << BELOW GOAL: ${misses.join(", ")}` : ""}`;
      console.log(line);
      lines.push(line);
    }
  } finally {
    chrome.kill();
    await portal.stop();
  }
  return lines;
}
