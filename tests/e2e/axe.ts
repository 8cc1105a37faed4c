// axe-core in the e2e tier: run WCAG 2.0/2.1 A and AA rules on a live page and say what to fix.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, Result } from "axe-core";
import type { Page } from "playwright-core";

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
export const FAILING_IMPACTS = new Set(["serious", "critical"]);

export interface Finding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  targets: string[];
  count: number;
}

/** The whole document, MapLibre's canvas and controls included: nothing is excluded (they pass). */
export async function runAxe(page: Page): Promise<AxeResults> {
  // Evaluated, not added as a <script>: the page's CSP (rightly) blocks an inline script
  // without its nonce, and what is tested is the page, not whether axe may be injected.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    (values) =>
      (window as unknown as { axe: typeof import("axe-core") }).axe.run(document, {
        runOnly: { type: "tag", values },
        resultTypes: ["violations"],
      }),
    TAGS,
  );
}

export function findings(label: string, violations: Result[]): Finding[] {
  return violations.map((v) => ({
    page: label,
    rule: v.id,
    impact: v.impact ?? "unknown",
    help: v.help,
    helpUrl: v.helpUrl,
    targets: v.nodes.slice(0, 4).map((n) => n.target.map(String).join(" >> ")),
    count: v.nodes.length,
  }));
}

export function describeFindings(list: Finding[]): string {
  return list
    .map((f) => `- [${f.page}] ${f.rule} (${f.impact}, ${f.count} node${f.count === 1 ? "" : "s"}): ${f.help}\n    ${f.targets.join("\n    ")}${f.count > f.targets.length ? "\n    …" : ""}\n    ${f.helpUrl}`)
    .join("\n");
}

/** Headings in document order: [level, text]. */
export function headings(page: Page): Promise<[number, string][]> {
  return page.$$eval("h1, h2, h3, h4, h5, h6", (els) =>
    els.filter((el) => el.getClientRects().length > 0).map((el) => [Number(el.tagName[1]), (el.textContent ?? "").trim()] as [number, string]),
  );
}

