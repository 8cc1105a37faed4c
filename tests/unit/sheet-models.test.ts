// The data sheets' content, line by line, in both languages (the PDF only lays these out):
// figures in every unit, readiness with dates, capacities summed and "not stated", the zone's
// conditions, costs for this size, approximate distances, contact, sources by title, dates.
import { describe, expect, it } from "vitest";
import { blockSheet, parcelSheet } from "@/lib/sheets/block-model";
import { niceLength, sheetMap } from "@/lib/sheets/map-model";
import { parkSheet } from "@/lib/sheets/park-model";
import { mergeTerms } from "@/lib/sheets/queries";
import type { SheetModel } from "@/lib/sheets/sheet";
import { blockInput, NOW, parcelA } from "./sheet-fixture";

const rows = (m: SheetModel) => Object.fromEntries(m.sections.map((s) => [s.heading, [...s.rows.map((r) => `${r.label}: ${r.value}`), ...(s.lines ?? []), ...(s.note ? [`(${s.note})`] : [])]]));

describe("block sheet", () => {
  it("lists the block's exact lines in English", () => {
    const m = blockSheet(blockInput("en"));
    expect(m.title).toBe("Contiguous block of 180 mu in Xinhui Smart Manufacturing Park");
    expect(m.subtitle).toBe("Jiangmen Industrial Park Investment Portal · Block data sheet · XH-SM-B01-P01");
    expect(m.fileName).toEqual({ ascii: "jiangmen-block-XH-SM-B01-P01-180mu-en.pdf", utf8: "Block data sheet-XH-SM-B01-P01-180 mu.pdf" });
    expect(m.footer).toBe("Highlighted: this block. Grey: neighbouring parcels. Geometry illustrative: the outlines are not surveyed boundaries.");
    expect(rows(m)).toEqual({
      "Key figures": [
        "Area (mu): 180 mu", "Area (hectares): 12 ha", "Area (m²): 120,000 m²", "Area (acres): 29.7 acres", "Parcels: 2",
        "Park: Xinhui Smart Manufacturing Park", "Zone: Fengshan Lake Area", "Land use: Industrial, class 2 (M2)", "Plot ratio: 1.2 to 3",
        "Whole block handed over by: 2027-04-30",
      ],
      "Readiness (nine connections and site levelling)": [
        "Road: in place on all parcels", "Water supply: in place on all parcels", "Storm drainage: not planned", "Power: planned by 2027-04-30",
        "Telecoms: not planned", "Gas: in place on 1 of 2 parcels; not planned on 1", "Heat / steam: not planned", "Cable TV: not planned",
        "Sewage: not planned", "Site levelled: in place on all parcels",
      ],
      "Utility capacities at the boundary": [
        "Power: 12,000 kVA (sum over the parcels)", "Supply voltage: 10 kV / 20 kV", "Natural gas: 3,000 m³ per day (stated for 1 of 2 parcels)",
        "Water supply: 2,000 t per day (sum over the parcels)", "Wastewater accepted: not stated",
        "(What the park states can be supplied at the parcels' boundary.)",
      ],
      "Allotment conditions": [
        "Minimum investment intensity: CNY 3,000,000 per mu", "Expected tax per mu and year: CNY 200,000 per mu a year", "Plot ratio limits: ≥ 1.2",
        "Building density: 30% to 60%", "Land-use term: 50 years", "Allotment method: listing, auction", "Incentives: Grant on fixed-asset investment",
        "Sources of the conditions: Xinhui makes, Jiangmen Daily (江门日报), 2024-05-01; https://www.jiangmen.gov.cn/x",
      ],
      Costs: [
        "Price (CNY per mu): CNY 250,000 to 270,000 per mu", "Indicative land price, total: CNY 46,000,000",
        "Minimum investment for this size: CNY 540,000,000", "Expected tax for this size: CNY 36,000,000 a year",
        "(Indicative: the land price is what the park quotes per mu times the area; the investment and tax figures are the park's conditions times the area. Final terms are set at allotment.)",
      ],
      "Distances (approximate)": [
        "Port: Xinhui Port: about 9 km straight, about 25 min by road",
        "Airport: Zhuhai Jinwan Airport: about 55 km straight, about 75 min by road",
        "Rail station: Xinhui Station: about 9 km straight, about 25 min by road",
        "Expressway interchange: Xinhui interchange (Jiangmen–Zhuhai Expressway): about 8 km straight, about 20 min by road",
        "Sea crossing: Huangmaohai Sea-Crossing (Taishan end): about 42 km straight, about 60 min by road",
        "(Straight-line distance to approximate positions; drive times are estimates (road about 1.3 × the straight line at 70 km/h, plus 10 minutes), not routes.)",
      ],
      Parcels: [
        "XH-SM-B01-P01: 120 mu · Industrial, class 2 (M2) · CNY 250,000 per mu",
        "XH-SM-B01-P02: 60 mu · Industrial, class 2 (M2) · CNY 270,000 per mu",
      ],
      Contact: ["Office: Investment Promotion Bureau (Xinhui Smart Manufacturing Park)", "Phone: +86 750 612 3456", "Address: 江门市新会区"],
      "Sources and data dates": ["Last verified on site: 2026-10-12", "Sheet generated on: 2026-12-01 (China time)", "Xinhui makes, Jiangmen Daily (江门日报), 2024-05-01"],
    });
  });

  it("lists the same lines in Chinese, with 万元 as parks quote them", () => {
    const m = blockSheet(blockInput("zh"));
    expect(m.title).toBe("新会智造产业园连片地块 180亩");
    expect(m.fileName).toEqual({ ascii: "jiangmen-block-XH-SM-B01-P01-180mu-zh.pdf", utf8: "地块资料单-XH-SM-B01-P01-180亩.pdf" });
    const r = rows(m);
    expect(r["主要数据"]).toEqual([
      "面积（亩）: 180亩", "面积（公顷）: 12公顷", "面积（平方米）: 120,000平方米", "面积（英亩）: 29.7英亩", "宗地数: 2", "园区: 新会智造产业园",
      "片区: 凤山湖园区", "用地性质: 二类工业用地（M2）", "容积率: 1.2至3", "整块交地日期: 2027-04-30",
    ]);
    expect(r["配套进度（九通一平）"]!.slice(3, 6)).toEqual(["通电: 计划2027-04-30前完成", "通信: 未列入计划", "通燃气: 2宗中1宗已具备，1宗未列入计划"]);
    expect(r["红线处公用设施容量"]!.slice(0, 5)).toEqual(["供电容量: 12,000千伏安（各宗地合计）", "供电电压等级: 10千伏 / 20千伏", "天然气: 3,000立方米/日（2宗中1宗注明）", "供水: 2,000吨/日（各宗地合计）", "污水接纳: 未注明"]);
    expect(r["供地条件"]!.slice(0, 2)).toEqual(["最低投资强度: 300万元/亩", "亩均年税收: 20万元/亩·年"]);
    expect(r["费用"]!.slice(0, 4)).toEqual(["价格（元/亩）: 250,000至270,000元/亩", "参考地价合计: 46,000,000元", "该面积最低投资额: 540,000,000元", "该面积预期税收: 每年36,000,000元"]);
    expect(r["距离（约数）"]![0]).toBe("港口: 新会港：直线约9公里，车程约25分钟");
    expect(r["联系方式"]).toEqual(["联系部门: 招商局（新会智造产业园）", "电话: +86 750 612 3456", "地址: 江门市新会区"]);
    expect(r["资料来源与数据日期"]).toEqual(["最近现场核实: 2026-10-12", "资料单生成日期: 2026-12-01（北京时间）", "新会智造，Jiangmen Daily (江门日报)，2024-05-01"]);
  });

  it("says 'not stated' for missing capacities and conditions, and when no contact is published", () => {
    const input = blockInput("en");
    const bare = { ...parcelA, powerKva: null, powerVoltageKv: null, gasM3PerDay: null, waterTPerDay: null, wastewaterTPerDay: null };
    const m = blockSheet({ ...input, parcels: [bare], terms: null, parks: [{ ...input.parks[0]!, contact: null, addressZh: null }], block: { ...input.block, priceMin: null, priceMax: null, indicativeTotalCny: null } });
    const r = rows(m);
    expect(r["Utility capacities at the boundary"]!.slice(0, 5)).toEqual(["Power: not stated", "Supply voltage: not stated", "Natural gas: not stated", "Water supply: not stated", "Wastewater accepted: not stated"]);
    expect(r["Allotment conditions"]).toEqual(["(The park has published no allotment conditions yet: ask the office.)"]);
    expect(r.Costs!.slice(0, 2)).toEqual(["Price (CNY per mu): not stated", "Indicative land price, total: not stated"]);
    expect(r.Contact).toEqual(["(No published contact: send an inquiry through the live page.)"]);
  });
});

describe("parcel sheet", () => {
  it("states the parcel's own figures, readiness dates and status", () => {
    const input = blockInput("en");
    const m = parcelSheet({ locale: "en", parcel: parcelA, neighbours: input.neighbours, terms: null, park: input.parks[0]!, ctx: { ...input.ctx, url: "https://x/en/parcels/XH-SM-B01-P01" } });
    expect(m.title).toBe("Parcel XH-SM-B01-P01, 120 mu, in Xinhui Smart Manufacturing Park");
    const r = rows(m);
    expect(r["Key figures"]).toContain("Status: Available");
    expect(r["Key figures"]).toContain("Handover: 2027-03-31");
    expect(r["Readiness (nine connections and site levelling)"]!.slice(0, 4)).toEqual(["Road: in place since 2026-01-15", "Water supply: in place since 2026-01-15", "Storm drainage: not planned", "Power: planned by 2027-02-01"]);
    expect(r["Utility capacities at the boundary"]!.slice(0, 5)).toEqual(["Power: 8,000 kVA", "Supply voltage: 10 kV", "Natural gas: 3,000 m³ per day", "Water supply: 1,500 t per day", "Wastewater accepted: not stated"]);
    expect(r.Costs!.slice(0, 2)).toEqual(["Price (CNY per mu): CNY 250,000 per mu", "Indicative land price, total: CNY 30,000,000"]);
  });
});

describe("park sheet", () => {
  it("counts parcels by status and available land, and names figures' sources by title", () => {
    const input = blockInput("zh");
    const m = parkSheet({
      locale: "zh",
      park: { ...input.parks[0]!, level: "SPECIALTY", county: "XINHUI", plannedAreaKm2: 12.5, industries: ["NEW_ENERGY_BATTERY"], zones: [], figures: [{ labelZh: "签约项目", labelEn: "Projects signed", value: 12, unit: "count", asOf: "2024", articleId: "003" }] },
      parcels: [
        { code: "A", status: "AVAILABLE", areaM2: 80_000, priceCnyPerMu: 250_000, geometry: parcelA.geometry, illustrative: true, lastVerifiedOn: "2026-10-12" },
        { code: "B", status: "SOLD", areaM2: 40_000, priceCnyPerMu: null, geometry: parcelA.geometry, illustrative: true, lastVerifiedOn: "2026-09-01" },
      ],
      terms: null,
      ctx: input.ctx,
    });
    expect(m.title).toBe("新会智造产业园");
    const r = rows(m);
    expect(r["主要数据"]).toEqual([
      "级别: 特色产业园", "县（市、区）: 新会区", "规划面积: 12.5平方公里", "主导产业: 新能源电池", "宗地数: 2", "各状态宗地数: 可供：1、已出让：1",
      "可供土地: 120亩", "面积（公顷）: 8公顷", "面积（平方米）: 80,000平方米", "面积（英亩）: 19.8英亩", "可供宗地价格（元/亩）: 250,000元/亩",
    ]);
    expect(r["公开数据"]).toEqual(["签约项目：12（2024）"]);
    expect(r["资料来源与数据日期"]).toEqual(["最近现场核实: 2026-09-01", "资料单生成日期: 2026-12-01（北京时间）", "新会智造，Jiangmen Daily (江门日报)，2024-05-01"]);
  });
});

describe("sheet map and conditions", () => {
  it("frames the highlighted shapes north-up in metres with a round scale bar", () => {
    const map = sheetMap([{ geometry: parcelA.geometry, highlight: true, illustrative: false }], "en")!;
    // 0.002° is about 206 m east-west and 221 m north-south at 22.4°N; a margin of 15% of the
    // longer side all round.
    expect(map.heightM).toBeCloseTo(221.3 * 1.3, 0);
    expect(map.widthM).toBeCloseTo(205.9 + 221.3 * 0.3, 0);
    expect(map.scaleBarM).toBe(50);
    expect(map.scaleBarLabel).toBe("50 m");
    expect(map.illustrative).toBe(false);
    const xs = map.shapes[0]!.rings[0]!.map(([x]) => x);
    expect(Math.min(...xs)).toBeCloseTo(221.3 * 0.15, 0);
    expect([niceLength(7_400), niceLength(260), niceLength(1)]).toEqual([5000, 200, 1]);
    // A park's sheet frames its whole plan, not only the available parcels.
    const far = { geometry: { ...parcelA.geometry, coordinates: [parcelA.geometry.coordinates[0]!.map(([x, y]) => [x + 0.01, y] as [number, number])] }, highlight: false, illustrative: false };
    const focus = [{ geometry: parcelA.geometry, highlight: true, illustrative: false }, far];
    expect(sheetMap(focus, "en")!.widthM).toBeCloseTo(map.widthM, 6);
    expect(sheetMap(focus, "en", "all")!.widthM).toBeGreaterThan(1000);
  });

  it("lets a zone's stated fields override its park's, field by field", () => {
    const park = { ...blockInput("en").terms!, incentivesEn: "park", sources: ["001"] };
    const zone = { ...park, minInvestmentWanPerMu: 400, taxWanPerMuYear: null, methods: [], incentivesEn: null, sources: ["003"] };
    const merged = mergeTerms(park, zone)!;
    expect([merged.minInvestmentWanPerMu, merged.taxWanPerMuYear, merged.methods, merged.incentivesEn, merged.sources]).toEqual([400, 20, ["LISTING", "AUCTION"], "park", ["003", "001"]]);
    expect(mergeTerms(null, null)).toBeNull();
    expect(mergeTerms(park, null)).toEqual(park);
  });
});

void NOW;
