// The import page's texts exist in both languages, and every coordinate system the import
// accepts has a name on the page.
import { describe, expect, it } from "vitest";
import en from "../../messages/staff/cadastre.en.json";
import zh from "../../messages/staff/cadastre.zh.json";
import { CRS_CODES } from "../../lib/cadastre/crs-codes";

const keys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
const values = (o: object): string[] => Object.values(o).flatMap((v) => (v && typeof v === "object" ? values(v) : [String(v)]));

describe("cadastre messages", () => {
  it("zh and en have the same keys, none empty", () => {
    expect(keys(zh)).toEqual(keys(en));
    expect([...values(zh), ...values(en)].filter((v) => v.trim() === "")).toEqual([]);
  });

  it("names every accepted coordinate system", () => {
    expect(Object.keys(en.crsNames)).toEqual([...CRS_CODES]);
    expect(Object.keys(zh.crsNames)).toEqual([...CRS_CODES]);
  });
});
