// The search's zero-result and drawn-area messages in both languages (messages/investor/finder):
// a polygon with too few corners is told to add points, one with too many to remove some;
// advice names only the filters the search set; the parcels view says parcels.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/i18n/messages";
import { parseArea } from "@/lib/search/area";
import { translateSearchMessage } from "@/lib/search/finder-messages";
import { looseningsFor, type Relaxation, type RelaxableFilter } from "@/lib/search/relax";
import { landSearchSchema, searchParamsToObject } from "@/lib/search/schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import type { Translator } from "@/lib/validation/messages";
import { zeroResultsAdvice } from "@/lib/search/zero-advice";

const tr = (locale: "zh" | "en", namespace: "investor.finder.zero" | "investor.finder" | "validation") => {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace });
  return (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
};
const relax = (...filters: RelaxableFilter[]): Relaxation[] => filters.map((filter) => ({ filter, query: landSearchSchema.parse({}), count: 0 }));
const areaMessage = (locale: "zh" | "en", area: string) => {
  const r = landSearchSchema.safeParse(searchParamsToObject(new URLSearchParams({ area })));
  const message = r.success ? "" : fieldErrorsOf(r.error).area!;
  const t = (namespace: string) => createTranslator({ locale, messages: MESSAGES[locale], namespace: namespace as "validation" }) as unknown as Translator;
  return translateSearchMessage(t("validation"), t("investor.finder"), message);
};

describe("a drawn polygon's corners", () => {
  it("too few: add points", () => {
    expect(parseArea("p:113,22;113.1,22.1")).toEqual({ ok: false, problem: "areaTooFewVertices" });
    expect(areaMessage("en", "p:113,22;113.1,22.1")).toBe("A drawn polygon needs at least 3 corners; draw it again with more points (or draw a circle).");
    expect(areaMessage("zh", "p:113,22;113.1,22.1")).toBe("所画多边形至少需要 3 个顶点，请增加顶点后重新绘制（或改画圆形）。");
  });

  it("too many: remove points", () => {
    const many = "p:" + Array.from({ length: 51 }, (_, i) => `${113 + Math.cos(i / 8)},${22 + Math.sin(i / 8)}`).join(";");
    expect(parseArea(many)).toEqual({ ok: false, problem: "areaVertices" });
    expect(areaMessage("en", many)).toBe("A drawn polygon can have at most 50 corners; draw it again with fewer points.");
    expect(areaMessage("zh", many)).toBe("所画多边形最多可有 50 个顶点，请减少顶点后重新绘制。");
  });
});

describe("when no single filter helps: advice only about filters that are set", () => {
  it("no drawn area, no area bounds: nothing about area", () => {
    const r = relax("county", "by", "minGasM3");
    expect(looseningsFor(r)).toEqual(["by", "capacities"]);
    expect(zeroResultsAdvice("en", tr("en", "investor.finder.zero"), { view: "blocks", reserved: false, relaxations: r })).toBe(
      "Leaving out any single filter still gives no block; try a later handover date or lower capacities, or clear several filters at once.",
    );
    expect(zeroResultsAdvice("zh", tr("zh", "investor.finder.zero"), { view: "blocks", reserved: false, relaxations: r })).toBe(
      "去掉任何单项条件仍无结果；请尝试放宽交地日期或降低配套容量要求，或同时清除多项筛选条件。",
    );
  });

  it("a drawn area and a minimum: those two, in that order", () => {
    const r = relax("minArea", "area", "county");
    expect(zeroResultsAdvice("en", tr("en", "investor.finder.zero"), { view: "blocks", reserved: false, relaxations: r })).toBe(
      "Leaving out any single filter still gives no block; try a lower minimum area or a larger drawn area, or clear several filters at once.",
    );
  });

  it("only filters with no looser value: just clear several", () => {
    const r = relax("county", "industry");
    expect(looseningsFor(r)).toEqual([]);
    expect(zeroResultsAdvice("en", tr("en", "investor.finder.zero"), { view: "parcels", reserved: false, relaxations: r })).toBe(
      "Leaving out any single filter still gives no parcel; clear several filters at once.",
    );
    expect(zeroResultsAdvice("zh", tr("zh", "investor.finder.zero"), { view: "blocks", reserved: false, relaxations: r })).toBe("去掉任何单项条件仍无结果；请同时清除多项筛选条件。");
  });

  it("no filter at all: nothing about area or dates, only reserved land (unless already included)", () => {
    const t = tr("en", "investor.finder.zero");
    expect(zeroResultsAdvice("en", t, { view: "blocks", reserved: false, relaxations: [] })).toBe("No block is on offer right now; include reserved land to see more.");
    expect(zeroResultsAdvice("en", t, { view: "parcels", reserved: true, relaxations: [] })).toBe("No parcel is on offer right now, reserved land included.");
    expect(zeroResultsAdvice("zh", tr("zh", "investor.finder.zero"), { view: "parcels", reserved: false, relaxations: [] })).toBe("目前没有可供应的单宗地块；勾选“包括已预留土地”可查看更多。");
  });
});

describe("the parcels view says parcels", () => {
  it("in the title and the counts, both languages", () => {
    const en = tr("en", "investor.finder.zero");
    const zh = tr("zh", "investor.finder.zero");
    expect(en("title", { view: "parcels" })).toBe("No parcel meets all of these filters. Leaving one out would give:");
    expect(en("title", { view: "blocks" })).toBe("No block meets all of these filters. Leaving one out would give:");
    expect(en("without", { filter: "the price cap", count: 3, view: "parcels" })).toBe("without the price cap: 3 parcels");
    expect(en("without", { filter: "the price cap", count: 1, view: "parcels" })).toBe("without the price cap: 1 parcel");
    expect(en("without", { filter: "the price cap", count: 0, view: "parcels" })).toBe("without the price cap: still no parcels");
    expect(en("without", { filter: "the price cap", count: 2, view: "blocks" })).toBe("without the price cap: 2 blocks");
    expect(zh("title", { view: "parcels" })).toBe("没有单宗地块同时符合所有条件。去掉其中一项条件可得：");
    expect(zh("without", { filter: "价格上限", count: 3, view: "parcels" })).toBe("去掉价格上限：3 宗地块");
    expect(zh("without", { filter: "价格上限", count: 3, view: "blocks" })).toBe("去掉价格上限：3 片连片地块");
  });
});
