// The smaller things a first visit noticed (issue #11), checked over HTTP on the seeded data:
// the way from a block to its park and the comparison, from a parcel back to its block, park and
// search, prices per mu, single-parcel wording, article titles as sources, the projects page by
// park with filters, the Daguanghai spelling, the inquiry's subject and pre-filled need, and a
// favicon.
import { describe, expect, inject, it } from "vitest";
import { projects } from "@/seeds/data/projects";
import { articles } from "@/seeds/data/articles";

const baseUrl = inject("baseUrl");
const get = async (path: string) => {
  const res = await fetch(baseUrl + path, { redirect: "manual" });
  return { status: res.status, type: res.headers.get("content-type"), html: await res.text() };
};
const attr = (html: string, testId: string, name = "href") => new RegExp(`<a [^>]*?${name}="([^"]+)"[^>]*data-testid="${testId}"`).exec(html)?.[1]?.replaceAll("&amp;", "&");

describe.skipIf(!baseUrl)("first-visit details", () => {
  it("a block page links to its park and adds the block to the comparison, keeping the list", async () => {
    const search = await get("/en/search?minArea=500");
    const key = /data-testid="block-result" data-key="([^"]+)"/.exec(search.html)![1]!;
    const block = await get(`/en/blocks/${key}?minArea=500`);
    expect(block.status).toBe(200);
    expect(block.html).toMatch(/data-testid="block-parks"><span><a class="text-brand-700 underline" href="\/en\/parks\/[a-z0-9-]+">[^<]+<\/a>/);
    expect(attr(block.html, "block-compare")).toBe(`/en/search?minArea=500&compare=${key}`);
    // With a list already chosen, the block joins it and the comparison can be opened at once.
    const withList = await get(`/en/blocks/${key}?minArea=500&compare=XH-SM-0001`);
    expect(attr(withList.html, "block-compare")).toBe(`/en/search?minArea=500&compare=XH-SM-0001%2C${key}`);
    expect(attr(withList.html, "block-compare-open")).toBe(`/en/compare?minArea=500&compare=XH-SM-0001%2C${key}`);
    // Listed already: the button takes it out again.
    const listed = await get(`/en/blocks/${key}?minArea=500&compare=${key}`);
    expect(listed.html).toMatch(/data-testid="block-compare">Remove from comparison</);
    // Every priced row of the parcel table says what the price is per.
    const prices = [...block.html.matchAll(/<td class="px-3 py-2">(CNY [\d,]+[^<]*)<\/td>/g)].map((m) => m[1]);
    expect(prices.length).toBeGreaterThan(0);
    for (const p of prices) expect(p).toMatch(/^CNY [\d,]+\/mu$/);
  });

  it("a parcel page links back to its block, its park and the search in that park", async () => {
    const search = await get("/en/search?minArea=500");
    const key = /data-testid="block-result" data-key="([^"]+)"/.exec(search.html)![1]!;
    const parcel = await get(`/en/parcels/${key}`);
    expect(parcel.status).toBe(200);
    // Under the default filters the key parcel's block is the same component (minArea only
    // drops small blocks), so the link leads to the very block the search listed.
    expect(attr(parcel.html, "parcel-block-link")).toBe(`/en/blocks/${key}?`);
    expect(parcel.html).toMatch(/data-testid="parcel-block-link">Part of a contiguous available block of [\d,.]+ ha \([\d,]+ mu\), \d+ parcels</);
    const park = attr(parcel.html, "parcel-park-link")!;
    expect(park).toMatch(/^\/en\/parks\/[a-z0-9-]+$/);
    expect(attr(parcel.html, "parcel-search-link")).toBe(`/en/search?park=${park.split("/").pop()}`);
  });

  it("a single parcel's card does not use block wording", async () => {
    const { html } = await get("/en/search?view=parcels&minArea=100");
    // The result list only: the page also carries every message for the client components.
    const list = /<ol class="mt-4 space-y-3">.*?<\/ol>/s.exec(html)![0];
    expect(list.match(/data-testid="block-result"/g)).toHaveLength(20);
    expect(list).not.toContain("1 parcel");
    expect(list).not.toContain("Whole block");
    expect(list.match(/Ready for handover \d{4}-\d{2}-\d{2}/g)!.length).toBeGreaterThan(0);
  });

  it("a block page's title names its size (what a tab or bookmark shows), the key after it", async () => {
    const search = await get("/en/search?minArea=300");
    const key = /data-testid="block-result" data-key="([^"]+)"/.exec(search.html)![1]!;
    const { html } = await get(`/en/blocks/${encodeURIComponent(key)}?minArea=300`);
    expect(/<title>([^<]*)<\/title>/.exec(html)![1]).toMatch(new RegExp(`^Contiguous block of [\\d,.]+ ha \\([\\d,]+ mu\\) · ${key} · `));
  });

  it("a block of one parcel in the blocks view takes parcel wording too; larger blocks keep theirs", async () => {
    const { html } = await get("/en/search?park=china-eu-cooperation-zone&minArea=50&maxArea=80");
    // Each card's markup: from its data-testid to the next card's (the last one to the list's end).
    const cards = html.split('data-testid="block-result"').slice(1).map((c) => c.split("</ol>")[0]!);
    expect(cards.length).toBeGreaterThan(2);
    // Per card: the line under the size (park, and the parcel count of a block of several), the
    // parcel codes listed, and the handover line.
    const facts = cards.map((c) => ({
      where: /<p class="text-sm text-stone-600">([^<]*)<\/p>/.exec(c)![1]!,
      codes: /<p class="mt-2 text-xs text-stone-500">([^<]*)<\/p>/.exec(c)![1]!.split(", "),
      ready: /<p class="mt-1 text-sm">([^<]*)<\/p>/.exec(c)?.[1] ?? "",
    }));
    const single = facts.filter((f) => f.codes.length === 1);
    const several = facts.filter((f) => f.codes.length > 1);
    expect(single.length).toBeGreaterThan(0);
    expect(several.length).toBeGreaterThan(0);
    for (const f of single) {
      expect(f.where).toBe("China-EU (Jiangmen) SME International Cooperation Zone");
      expect(f.ready).not.toContain("Whole block");
    }
    for (const f of several) expect(f.where).toBe(`China-EU (Jiangmen) SME International Cooperation Zone · ${f.codes.length} parcels`);
  });

  it("projects are grouped under their park's heading and filter by park, with article titles as sources", async () => {
    const all = await get("/en/projects");
    const parks = new Set(projects.map((p) => p.parkCode));
    expect(all.html.match(/data-testid="project-group"/g)).toHaveLength(parks.size);
    expect(all.html.match(/data-testid="project-card"/g)).toHaveLength(projects.length);
    expect(all.html).not.toMatch(/article \d{3}/);
    expect(all.html).toContain(articles[0]!.titleEn.replaceAll("&", "&amp;").slice(0, 30));
    const one = await get("/en/projects?park=xinhui-smart-manufacturing");
    const inPark = projects.filter((p) => p.parkCode === "xinhui-smart-manufacturing").length;
    expect(one.html.match(/data-testid="project-card"/g)).toHaveLength(inPark);
    expect(one.html).toContain(`${inPark} projects in 1 park`);
    const none = await get("/en/projects?park=xinhui-smart-manufacturing&stage=SIGNED&industry=PAPER");
    expect(none.html).toContain('data-testid="projects-none"');
  });

  it("spells Daguanghai the way its pinyin is spelled", async () => {
    const { html } = await get("/en/parks/daguanghai-bay-economic-zone");
    expect(html).toContain("Daguanghai Bay Economic Zone");
    expect(html).not.toContain("Dagwanghai");
  });

  it("the inquiry about a block names its size and park and fills in the land need", async () => {
    const search = await get("/en/search?minArea=500");
    const key = /data-testid="block-result" data-key="([^"]+)"/.exec(search.html)![1]!;
    const { html } = await get(`/en/inquiry?block=${key}&minArea=500`);
    expect(html).toMatch(/data-testid="inquiry-about"><span class="text-stone-500">About<!-- -->: <\/span>Contiguous block of [\d,.]+ ha \([\d,]+ mu\), \d+ parcels, in [^<]+</);
    expect(html).toMatch(/<input [^>]*name="landNeededMu"[^>]*value="500"/);
    const parcel = await get(`/zh/inquiry?parcel=${key}`);
    expect(parcel.html).toMatch(new RegExp(`data-testid="inquiry-about"><span class="text-stone-500">咨询对象<!-- -->: </span>[^<]+地块${key}，[\\d,.]+亩（[\\d,.]+公顷）<`));
  });

  it("serves a favicon at /favicon.ico", async () => {
    const res = await fetch(`${baseUrl}/favicon.ico`, { redirect: "manual" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/x-icon");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]); // ICO header: reserved 0, type 1
  });
});
