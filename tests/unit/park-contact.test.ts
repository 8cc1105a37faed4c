import { describe, expect, it } from "vitest";
import { isPlaceholderEmail, isPlaceholderPhone, publicContact } from "@/lib/parks/contact";
import { parks } from "@/seeds/data/parks";
import { projects } from "@/seeds/data/projects";

describe("publicContact", () => {
  const office = { nameZh: "招商服务办公室（示意）", nameEn: "Investment Promotion Office (illustrative)" };

  it("shows none for the seed's stand-in office (+86 750 000 0000, invest.*@example.cn)", () => {
    expect(publicContact({ ...office, phone: "+86 750 000 0000", email: "invest.heshan-yayao@example.cn" })).toBeNull();
    expect(publicContact({ ...office, phone: null, email: null })).toBeNull();
  });

  it("keeps a real number and address, dropping only the placeholder part", () => {
    expect(publicContact({ ...office, phone: "+86 750 312 3456", email: "invest@example.com" })).toEqual({ ...office, phone: "+86 750 312 3456", email: null });
    expect(publicContact({ ...office, phone: null, email: "zhaoshang@jiangmen.gov.cn" })).toEqual({ ...office, phone: null, email: "zhaoshang@jiangmen.gov.cn" });
  });

  it("recognises placeholder shapes", () => {
    expect(isPlaceholderPhone("+86 750 000 0000")).toBe(true);
    expect(isPlaceholderPhone("0750-0000000")).toBe(true);
    expect(isPlaceholderPhone("+86 750 3100 200")).toBe(false);
    expect(isPlaceholderEmail("a@example.cn")).toBe(true);
    expect(isPlaceholderEmail("a@mail.example.org")).toBe(true);
    expect(isPlaceholderEmail("a@jiangmen.example")).toBe(true);
    expect(isPlaceholderEmail("a@examples.cn")).toBe(false);
  });
});

// Notes for the data team stay in the seed (noteZh/noteEn), never in the text investors read.
const CURATION = /文章|原文|暂归|归类|article|printed|filed under|not given|names no park|names neither|illustrative\)$/i;

describe("seed text shown to investors", () => {
  const shown = [
    ...parks.flatMap((p) => [
      [p.code, p.descriptionZh], [p.code, p.descriptionEn], [p.code, p.addressZh], [p.code, p.addressEn],
      [p.code, p.infrastructureZh], [p.code, p.infrastructureEn],
      ...p.zones.flatMap((z) => [[z.code, z.descriptionZh], [z.code, z.descriptionEn]]),
    ]),
    ...projects.flatMap((p) => [[p.code, p.descriptionZh], [p.code, p.descriptionEn], [p.code, p.capacityZh], [p.code, p.capacityEn]]),
  ].filter((x): x is [string, string] => typeof x[1] === "string");

  it("carries no curation notes", () => {
    expect(shown.length).toBeGreaterThan(100);
    expect(shown.filter(([, text]) => CURATION.test(text))).toEqual([]);
  });

  it("marks every stand-in contact as a placeholder, so it is not loaded", () => {
    for (const p of parks) if (p.contact?.phone === "+86 750 000 0000") expect(p.contact.placeholder, p.code).toBe(true);
    // ... and the notes moved out of the descriptions are kept.
    expect(projects.find((p) => p.code === "rcep-exchange-centre")?.noteEn).toContain("filed under logistics");
  });
});
