// Input that used to be silently misread, through the real schemas and the map API's handler:
// every refusal is one of our message keys, the true reason, with the limit it names.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as mapGET } from "@/app/api/land/map/route";
import { inquirySchema } from "@/lib/inquiry/schemas";
import { parkFilterSchema } from "@/lib/parks/directory-filter";
import { landSearchSchema, searchParamsToObject, toSearchParams } from "@/lib/search/schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { parseDecimal, parseIsoDate, plainDecimal } from "@/lib/validation/fields";
import { apiLocale } from "@/lib/validation/localized-errors";

/** The search schema's answer for a query string, as the search page and the map API read it. */
const search = (qs: string) => landSearchSchema.safeParse(searchParamsToObject(new URLSearchParams(qs)));
/** The inquiry schema's field errors for these fields. */
const at = (v: Record<string, unknown>) => {
  const r = inquirySchema.safeParse(v);
  return r.success ? {} : fieldErrorsOf(r.error);
};
const errorsOf = (qs: string) => {
  const r = search(qs);
  return r.success ? {} : fieldErrorsOf(r.error);
};

describe("search query: dates", () => {
  it("keeps a handover deadline before 1970 (it is a filter, not 'no deadline')", () => {
    expect(search("by=1969-12-31").data?.by).toBe("1969-12-31");
    expect(search("by=1900-01-01").data?.by).toBe("1900-01-01");
  });

  it("refuses a day the calendar does not have instead of rolling it over", () => {
    expect(errorsOf("by=2025-02-30")).toEqual({ by: "noSuchDate" });
    expect(errorsOf("by=2025-02-29")).toEqual({ by: "noSuchDate" });
    expect(errorsOf("by=2025-04-31")).toEqual({ by: "noSuchDate" });
    expect(errorsOf("by=2025-00-10")).toEqual({ by: "noSuchDate" });
    expect(search("by=2024-02-29").data?.by).toBe("2024-02-29");
    expect(search("by=2000-02-29").data?.by).toBe("2000-02-29");
    expect(errorsOf("by=1900-02-29")).toEqual({ by: "noSuchDate" });
  });

  it("refuses what is not YYYY-MM-DD", () => {
    for (const by of ["2025-2-3", "20250203", "2025-02-03T00:00", "tomorrow", "２０２５-０２-０３"]) {
      expect(errorsOf(`by=${encodeURIComponent(by)}`)).toEqual({ by: "mustBeDate" });
    }
  });
});

describe("search query: numbers are plain decimal", () => {
  it("refuses hex, octal, binary, exponents and Infinity instead of reading 0x10 as 16", () => {
    for (const v of ["0x10", "0o20", "0b10000", "1e3", "1e308", "Infinity", "+16", "16abc", "1,5", "1.", "--1"]) {
      expect(errorsOf(`minArea=${encodeURIComponent(v)}`), v).toEqual({ minArea: "mustBeNumber" });
    }
    // The price cap reads what people type in China ("25万"), and says so when it cannot.
    expect(errorsOf("maxPrice=0x10")).toEqual({ maxPrice: "finder.priceFormat" });
  });

  it("reads decimals, thousands commas or spaces and full-width digits", () => {
    expect(search("minArea=1%20500&maxArea=1%20500%20000.5").data).toMatchObject({ minArea: 1500, maxArea: 1500000.5 });
    expect(errorsOf("minArea=1,500%20000")).toEqual({ minArea: "mustBeNumber" });
    expect(errorsOf("minArea=1%205")).toEqual({ minArea: "mustBeNumber" });
    expect(search("minArea=12.5&maxArea=1,500&maxPrice=%EF%BC%91%EF%BC%90%EF%BC%90").data).toMatchObject({ minArea: 12.5, maxArea: 1500, maxPrice: 100 });
    expect(search("minArea=.5").data?.minArea).toBe(0.5);
    expect(search(`minArea=${encodeURIComponent("１，５００．５")}`).data?.minArea).toBe(1500.5);
    // Only full-width forms are folded: a superscript or a circled digit is not a digit typed.
    expect(errorsOf(`minArea=${encodeURIComponent("1²")}`)).toEqual({ minArea: "mustBeNumber" });
    expect(errorsOf(`minArea=${encodeURIComponent("①")}`)).toEqual({ minArea: "mustBeNumber" });
  });

  it("says 'at most' with the limit when a number is too large, and 'above zero' when it is not", () => {
    expect(errorsOf("maxPrice=1000000001")).toEqual({ maxPrice: "tooLarge:1000000000" });
    expect(errorsOf(`minArea=${"9".repeat(400)}`)).toEqual({ minArea: "tooLarge:1000000000" });
    expect(search("maxPrice=1000000000").data?.maxPrice).toBe(1e9);
    expect(errorsOf("minArea=0")).toEqual({ minArea: "mustBePositive" });
    expect(errorsOf("minArea=-5")).toEqual({ minArea: "mustBePositive" });
    expect(errorsOf("page=10001")).toEqual({ page: "tooLarge:10000" });
    expect(errorsOf("page=1.5")).toEqual({ page: "mustBeWhole" });
  });

  it("the inquiry reads numbers the same way (powerKva=0x10 is not 16)", () => {
    expect(at({ powerKva: "0x10" }).powerKva).toBe("mustBeNumber");
    expect(at({ powerKva: "1e3" }).powerKva).toBe("mustBeNumber");
    expect(at({ jobs: "1e20" }).jobs).toBe("mustBeNumber");
    expect(at({ jobs: "100000000000000000000" }).jobs).toBe("tooLarge:1000000");
    expect(at({ jobs: "12.5" }).jobs).toBe("mustBeWhole");
    expect(at({ landNeededMu: "1,500" }).landNeededMu).toBeUndefined();
    expect(at({ landNeededMu: "1,5" }).landNeededMu).toBe("mustBeNumber");
    expect(at({ contactName: "x".repeat(101) }).contactName).toBe("tooLong:100");
    expect(at({ message: "short" }).message).toBe("tooShort:10");
  });
});

describe("text with control characters", () => {
  it("refuses NUL and other control characters in any text field, keeps tabs and line breaks", () => {
    expect(at({ contactName: "Anna\u0000" }).contactName).toBe("controlCharacters");
    expect(at({ company: "A\u001bB GmbH" }).company).toBe("controlCharacters");
    expect(at({ parkCode: "\u0000" }).parkCode).toBe("controlCharacters");
    expect(at({ message: "Line one\r\nline two\tand more" }).message).toBeUndefined();
    expect(errorsOf("park=%00").park).toBe("controlCharacters");
  });

  it("reads text of nothing visible as blank, and refuses bidirectional overrides", () => {
    expect(at({ contactName: "\u200B\u200B" }).contactName).toBe("required");
    expect(at({ message: "\u200B".repeat(20) }).message).toBe("required");
    expect(at({ phone: "\uFEFF" }).phone).toBeUndefined();
    expect(at({ contactName: "\u202Egnp.exe" }).contactName).toBe("controlCharacters");
    expect(at({ company: "Firma \u2066GmbH\u2069" }).company).toBe("controlCharacters");
    expect(at({ contactName: "李\u200D明" }).contactName).toBeUndefined();
  });
});

describe("search query: repeated parameters", () => {
  it("refuses a repeated single-valued parameter, naming it, instead of keeping one value", () => {
    expect(errorsOf("reserved=1&reserved=1")).toEqual({ reserved: "repeated" });
    expect(errorsOf("minArea=10&minArea=20")).toEqual({ minArea: "repeated" });
    for (const key of ["county", "park", "zone", "industry", "use", "maxArea", "unit", "maxPrice", "by", "sort", "view", "page"]) {
      expect(errorsOf(`${key}=a&${key}=b`), key).toEqual({ [key]: "repeated" });
    }
  });

  it("keeps multi-valued parameters multi-valued", () => {
    expect(search("ready=power&ready=gas,power").data?.ready).toEqual(["power", "gas"]);
    expect(search("compare=A&compare=B").success).toBe(true);
  });

  it("reads the reserved flag strictly", () => {
    expect(search("reserved=1").data?.reserved).toBe(true);
    expect(search("reserved=").data?.reserved).toBe(false);
    expect(errorsOf("reserved=yes")).toEqual({ reserved: "invalid" });
  });

  it("the park directory filter uses the same rules", () => {
    expect(fieldErrorsOf(parkFilterSchema.safeParse({ land: ["1", "1"] }).error!)).toEqual({ land: "repeated" });
    expect(fieldErrorsOf(parkFilterSchema.safeParse({ county: "SHENZHEN" }).error!)).toEqual({ county: "notAChoice" });
  });
});

describe("field errors", () => {
  it("keep the first issue of each field", () => {
    expect(fieldErrorsOf({ issues: [
      { code: "custom", path: ["a"], message: "first", input: 1 },
      { code: "custom", path: ["a"], message: "second", input: 1 },
      { code: "custom", path: [], message: "whole", input: 1 },
    ] })).toEqual({ a: "first", form: "whole" });
  });

  it("a non-object input gets our message too", () => {
    expect(fieldErrorsOf(landSearchSchema.safeParse(null).error!)).toEqual({ form: "invalid" });
    expect(fieldErrorsOf(inquirySchema.safeParse("text").error!)).toEqual({ form: "invalid" });
  });
});

describe("toolkit", () => {
  it("parseDecimal and plainDecimal", () => {
    expect(parseDecimal(" 1,234,567.25 ")).toBe(1234567.25);
    expect(parseDecimal("12,34")).toBeNull();
    expect(parseDecimal(Number.NaN)).toBeNull();
    expect(plainDecimal(1e-7)).toBe("0.0000001");
    expect(plainDecimal(1.5e21)).toBe("1500000000000000000000");
    expect(parseDecimal(plainDecimal(5e-324))).toBe(5e-324);
    expect(parseIsoDate("0000-02-29")).toEqual({ ok: true, value: "0000-02-29" });
  });

  it("writes tiny numbers back without an exponent, so the link parses to the same query", () => {
    const q = landSearchSchema.parse({ minArea: 1e-7 });
    expect(toSearchParams(q).toString()).toBe("minArea=0.0000001");
    expect(search(toSearchParams(q).toString()).data).toEqual(q);
  });
});

describe("map API 400", () => {
  const get = (qs: string, headers: Record<string, string> = {}) => mapGET(new NextRequest(`http://localhost/api/land/map?${qs}`, { headers }));

  it("names each field with a message in the asked language and its key", async () => {
    const res = await get("minArea=1e308&maxPrice=1000000001&by=2025-02-30&reserved=1&reserved=1&locale=en");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: "invalid search",
      locale: "en",
      fields: {
        minArea: "Enter a plain number such as 1500 or 12.5 (digits, a decimal point, commas or spaces between thousands).",
        maxPrice: "Enter a number of at most 1,000,000,000.",
        by: "There is no such day in the calendar; check the month and the day.",
        reserved: "This parameter is given more than once in the address; keep a single value.",
      },
      codes: { minArea: "mustBeNumber", maxPrice: "tooLarge:1000000000", by: "noSuchDate", reserved: "repeated" },
    });
  });

  it("answers in Chinese by default and follows Accept-Language", async () => {
    const zh = (await (await get("minArea=abc")).json()) as { locale: string; fields: Record<string, string> };
    expect(zh).toMatchObject({ locale: "zh", fields: { minArea: "请输入普通数字，如 1500 或 12.5（数字、小数点，千位间可用逗号或空格）。" } });
    const en = (await (await get("maxPrice=1000000001", { "accept-language": "de-DE,en;q=0.8,zh;q=0.5" })).json()) as { fields: Record<string, string> };
    expect(en.fields).toEqual({ maxPrice: "Enter a number of at most 1,000,000,000." });
  });

  it("picks the locale by quality", () => {
    expect(apiLocale(new URLSearchParams(), "en;q=0.3, zh-CN;q=0.9")).toBe("zh");
    expect(apiLocale(new URLSearchParams(), "fr")).toBe("zh");
    expect(apiLocale(new URLSearchParams("locale=en"), "zh")).toBe("en");
    expect(apiLocale(new URLSearchParams(), "en-GB")).toBe("en");
  });
});
