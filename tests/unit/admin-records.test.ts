// The admins' record forms' own fields (coordinates, code lists, milestone order) and the
// reset link's token kept out of the server's error log.
import { describe, expect, it } from "vitest";
import { redactSecrets } from "@/lib/http/portal-handler";
import { createParkSchema } from "@/lib/parks/park-schemas";
import { createProjectSchema } from "@/lib/projects/project-schemas";
import { codeList, coordinate } from "@/lib/validation/record-fields";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("record fields", () => {
  it("a coordinate is a plain decimal within its bounds, named both ways when outside", () => {
    const lng = coordinate(111.8, 113.6);
    expect(lng.parse("113.05")).toBe(113.05);
    expect(lng.parse("１１３.０５")).toBe(113.05);
    expect(issues(lng.safeParse("22.5"))).toEqual({ "": "coordinate:111.8:113.6" });
    expect(issues(lng.safeParse("1e2"))).toEqual({ "": "mustBeNumber" });
    expect(issues(lng.safeParse(""))).toEqual({ "": "required" });
  });

  it("a code list splits on commas, spaces, 、 and line breaks, deduplicates, and names a bad item", () => {
    const list = codeList(3);
    expect(list.parse("A-1, B-2、A-1\nC_3")).toEqual(["A-1", "B-2", "C_3"]);
    expect(list.parse("")).toEqual([]);
    expect(issues(list.safeParse("A-1 <b>"))).toEqual({ "": "codeList:<b>" });
    expect(issues(list.safeParse("a b c d"))).toEqual({ "": "tooLong:3" });
  });

  it("a park code is lower case words joined by hyphens", () => {
    const base = { nameZh: "园", nameEn: "P", level: "SPECIALTY", descriptionZh: "x", descriptionEn: "x", centerLng: "113", centerLat: "22.5" };
    expect(createParkSchema.safeParse({ ...base, code: "new-park-2" }).success).toBe(true);
    expect(issues(createParkSchema.safeParse({ ...base, code: "New Park" }))).toEqual({ code: "code" });
  });

  it("project milestones must not go back in time", () => {
    const base = { code: "p-1", nameZh: "项", nameEn: "P", companyZh: "公", companyEn: "C", industry: "GLASS", stage: "SIGNED", parkCode: "x", descriptionZh: "x", descriptionEn: "x" };
    expect(createProjectSchema.safeParse({ ...base, signedOn: "2026-01-01", productionOn: "2027-01-01" }).success).toBe(true);
    expect(issues(createProjectSchema.safeParse({ ...base, signedOn: "2026-05-01", groundbreakingOn: "2026-04-30", productionOn: "2026-04-01" }))).toEqual({
      groundbreakingOn: "dateBefore:signedOn",
      productionOn: "dateBefore:groundbreakingOn",
    });
  });
});

describe("redactSecrets", () => {
  it("drops the reset token from a logged URL and leaves other URLs alone", () => {
    expect(redactSecrets("/en/staff/reset-password/abcDEF_123-xyz?x=1")).toBe("/en/staff/reset-password/[token]?x=1");
    expect(redactSecrets("/zh/staff/leads/abc")).toBe("/zh/staff/leads/abc");
  });
});
