// Properties of every zod schema of the public side (land search, park directory, inquiry),
// 1,000+ generated cases each: hostile input never throws and is refused only with our message
// keys (present in both message files, with their limit); valid queries survive the trip to a
// URL and back; accepted dates are calendar days; accepted numbers are what the digits say.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { County, Industry, LandUse, ParkLevel } from "@/lib/generated/prisma/enums";
import { inquirySchema, TIMELINES } from "@/lib/inquiry/schemas";
import { READINESS_KEYS } from "@/lib/land/readiness";
import { parkFilterSchema } from "@/lib/parks/directory-filter";
import { landSearchSchema, searchParamsToObject, SORTS, toSearchParams } from "@/lib/search/schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { parseDecimal, plainDecimal } from "@/lib/validation/fields";
import { localizedFieldErrors } from "@/lib/validation/localized-errors";
import { decodeMessage, MESSAGES_WITH_LIMIT, VALIDATION_MESSAGES, type ValidationMessage } from "@/lib/validation/messages";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import finderEn from "@/messages/investor/finder.en.json";
import finderZh from "@/messages/investor/finder.zh.json";
import { FINDER_MESSAGES } from "@/lib/search/finder-messages";
import { LOGISTICS_KINDS } from "@/lib/location/distance";
import type { z } from "zod";

const RUNS = { numRuns: 1000 };
// 1,000 cases take a few seconds on a busy 2-core machine: room beyond the 5 s default.
const SLOW = { timeout: 60_000 };

// ---- what a refusal may say ----------------------------------------------------------------

/** Keys the inquiry form translates outside "validation": the honeypot's (the inquiry stream's). */
const INQUIRY_FORM_KEYS = new Set(Object.keys(zh.inquiry.errors).filter((k) => k in en.inquiry.errors));

function expectOurMessages(error: z.ZodError, extra: ReadonlySet<string> = new Set()) {
  for (const issue of error.issues) {
    const { key, values } = decodeMessage(issue.message);
    if (extra.has(key) && issue.path[0] === "website") continue;
    // The land search's own messages (drawn area, price as typed) live in its message area.
    if (key.startsWith("finder.")) {
      const k = key.slice("finder.".length);
      expect(FINDER_MESSAGES as readonly string[], issue.message).toContain(k);
      expect(finderZh.errors, k).toHaveProperty(k);
      expect(finderEn.errors, k).toHaveProperty(k);
      continue;
    }
    expect(VALIDATION_MESSAGES as readonly string[], issue.message).toContain(key);
    expect(zh.validation, key).toHaveProperty(key);
    expect(en.validation, key).toHaveProperty(key);
    expect(Number.isFinite(values.limit), `${key} names its limit`).toBe(MESSAGES_WITH_LIMIT.has(key as ValidationMessage));
  }
  // What a person reads: a sentence in each language, the limit filled in, never a raw key.
  const errors = fieldErrorsOf(error);
  delete errors.website;
  for (const locale of ["zh", "en"] as const) {
    for (const text of Object.values(localizedFieldErrors(errors, locale))) {
      expect(text).not.toMatch(/[{}]|^validation\.|Invalid input|expected/);
    }
  }
}

function safeParseNeverThrows<S extends z.ZodType>(schema: S, input: unknown) {
  let result: ReturnType<S["safeParse"]> | undefined;
  expect(() => {
    result = schema.safeParse(input) as ReturnType<S["safeParse"]>;
  }).not.toThrow();
  return result!;
}

// ---- generators -----------------------------------------------------------------------------

/** Strings a URL or form may carry: ours, near misses, number and date look-alikes, odd Unicode. */
const hostileString = fc.oneof(
  fc.string(),
  fc.fullUnicodeString(),
  fc.stringOf(fc.constantFrom(..."0123456789.,-+ exXoObB_１２，．")),
  fc.constantFrom("", " ", "0x10", "1e308", "Infinity", "NaN", "-0", "1,500", "1,5", "0001", "９９", "null", "undefined", "true", "on", "1"),
  fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  fc.constantFrom(...Object.values(County), ...Object.values(Industry), ...Object.values(LandUse), ...READINESS_KEYS, ...SORTS, "mu", "ha", "blocks", "parcels"),
  fc.constantFrom("'; DROP TABLE \"Parcel\"; --", "<script>alert(1)</script>", "\u0000", "\u202e", "😀", "%E0%A4%A", "a".repeat(5000)),
);

/** A value of any JSON-ish type a hand-made request could hold. */
const anyValue = fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.object({ maxDepth: 1 }));

/** An object over the schema's keys (plus strangers), each with an arbitrary value. */
const objectOver = (keys: readonly string[], value: fc.Arbitrary<unknown> = anyValue) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "compare")), value, { maxKeys: keys.length + 3 });

const SEARCH_KEYS = Object.keys(landSearchSchema.shape);
const SINGLE_VALUED = SEARCH_KEYS.filter((k) => k !== "ready");

/** A query string as a browser could send it: keys from the schema and others, repeats allowed. */
const queryString = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...SEARCH_KEYS, "compare", "rev"), fc.string({ maxLength: 6 })), hostileString), { maxLength: 12 })
  .map((pairs) => new URLSearchParams(pairs));

// Valid values of each search parameter, written as a person or a link would write them.
const areaNumber = fc.double({ min: 1e-6, max: 1e9, noNaN: true }).filter((n) => n > 0);
const coordinate = (max: number) => fc.integer({ min: -max * 1e6, max: max * 1e6 }).map((n) => n / 1e6);
/** A drawn area the map could write: a circle, or a convex polygon (never self-intersecting). */
const drawnArea = fc.oneof(
  fc.tuple(coordinate(180), coordinate(90), fc.integer({ min: 1, max: 100_000 })).map(([x, y, m]) => `c:${plainDecimal(x)},${plainDecimal(y)},${plainDecimal(m / 1000)}`),
  fc.tuple(coordinate(170), coordinate(80), fc.integer({ min: 3, max: 50 }), fc.integer({ min: 1, max: 5000 })).map(([x, y, n, r]) => {
    const ring = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n;
      return `${plainDecimal(Math.round((x + (r / 1000) * Math.cos(a)) * 1e6) / 1e6)},${plainDecimal(Math.round((y + (r / 1000) * Math.sin(a)) * 1e6) / 1e6)}`;
    });
    return `p:${ring.join(";")}`;
  }),
);
const capacity = fc.integer({ min: 1, max: 1e9 }).map(String);

const searchFields = fc.record(
  {
    county: fc.constantFrom(...Object.values(County)),
    park: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
    zone: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
    industry: fc.constantFrom(...Object.values(Industry)),
    use: fc.constantFrom(...Object.values(LandUse)),
    minArea: areaNumber.map(plainDecimal),
    // Whole yuan per mu, as typed in China too ("25万").
    maxPrice: fc.oneof(fc.integer({ min: 1, max: 1e9 }).map((n) => n.toLocaleString("en-US")), fc.integer({ min: 1, max: 100_000 }).map((n) => `${n}万`)),
    unit: fc.constantFrom("mu", "ha", "m2", "acre"),
    minPowerKva: capacity,
    minWaterT: capacity,
    minGasM3: capacity,
    minWastewaterT: capacity,
    area: drawnArea,
    ready: fc.subarray([...READINESS_KEYS]).map((a) => a.join(",")),
    by: fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z") }).map((d) => d.toISOString().slice(0, 10)),
    reserved: fc.constantFrom("1", "", "0", "true", "on"),
    sort: fc.constantFrom(...SORTS),
    view: fc.constantFrom("blocks", "parcels"),
    page: fc.integer({ min: 1, max: 10_000 }).map(String),
  },
  { requiredKeys: [] },
);
// near and nearKm come together (one without the other is refused).
const validSearch = fc
  .tuple(searchFields, fc.option(fc.tuple(fc.constantFrom(...LOGISTICS_KINDS), fc.integer({ min: 1, max: 200_000 }))))
  .map(([fields, near]) => (near ? { ...fields, near: near[0], nearKm: plainDecimal(near[1] / 1000) } : fields));

// ---- the land search ------------------------------------------------------------------------

describe("landSearchSchema properties", SLOW, () => {
  it("arbitrary objects: never throws, refuses only with our messages", () => {
    fc.assert(
      fc.property(fc.oneof(objectOver(SEARCH_KEYS), anyValue), (input) => {
        const r = safeParseNeverThrows(landSearchSchema, input);
        if (!r.success) expectOurMessages(r.error);
      }),
      RUNS,
    );
  });

  it("arbitrary query strings: a repeated single-valued parameter is refused by name", () => {
    fc.assert(
      fc.property(queryString, (params) => {
        const r = safeParseNeverThrows(landSearchSchema, searchParamsToObject(params));
        if (r.success) return;
        expectOurMessages(r.error);
        const errors = fieldErrorsOf(r.error);
        for (const key of SINGLE_VALUED) if (params.getAll(key).length > 1) expect(errors[key]).toBe("repeated");
      }),
      RUNS,
    );
  });

  it("valid queries round-trip: parse -> URL -> parse gives the same query", () => {
    fc.assert(
      fc.property(validSearch, (input) => {
        const q = landSearchSchema.parse(input);
        const again = landSearchSchema.safeParse(searchParamsToObject(new URLSearchParams(toSearchParams(q).toString())));
        expect(again.success).toBe(true);
        expect(again.data).toEqual(q);
      }),
      RUNS,
    );
  });

  it("accepted dates are days of the calendar", () => {
    const dateLike = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => ({ y, m, d, s: `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` }));
    fc.assert(
      fc.property(dateLike, ({ y, m, d, s }) => {
        const r = landSearchSchema.safeParse({ by: s });
        // An independent check: a Date built from the parts lands on the same parts.
        const date = new Date(0);
        date.setUTCFullYear(y, m - 1, d);
        const isDay = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        expect(r.success, s).toBe(isDay);
        if (r.success) expect(new Date(Date.parse(`${r.data.by}T00:00:00Z`)).toISOString().slice(0, 10)).toBe(s);
        else expect(fieldErrorsOf(r.error)).toEqual({ by: "noSuchDate" });
      }),
      RUNS,
    );
  });

  it("accepted numbers are plain decimal and read as their digits say", () => {
    const numberLike = fc.oneof(fc.stringOf(fc.constantFrom(..."0123456789.,-+ exXoObB")), fc.double({ noNaN: true }).map(String));
    fc.assert(
      fc.property(numberLike, (s) => {
        const r = landSearchSchema.safeParse({ minArea: s });
        const n = parseDecimal(s);
        if (r.success && r.data.minArea !== undefined) {
          const digits = s.trim();
          expect(digits).toMatch(/^(\d{1,3}(,\d{3})+|\d{1,3}( \d{3})+|\d+)?(\.\d+)?$/);
          expect(r.data.minArea).toBe(Number(digits.replace(/[, ]/g, "")));
        }
        if (n === null && s.trim() !== "") expect(fieldErrorsOf(r.error!)).toEqual({ minArea: "mustBeNumber" });
      }),
      RUNS,
    );
  });

  it("every positive double writes back as a plain decimal that reads as the same number", () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (n) => {
        const s = plainDecimal(n);
        expect(s).toMatch(/^\d+(\.\d+)?$/);
        expect(parseDecimal(s)).toBe(n);
      }),
      RUNS,
    );
  });
});

// ---- the park directory filter --------------------------------------------------------------

describe("parkFilterSchema properties", SLOW, () => {
  const KEYS = Object.keys(parkFilterSchema.shape);

  it("arbitrary objects: never throws, refuses only with our messages", () => {
    fc.assert(
      fc.property(fc.oneof(objectOver(KEYS), anyValue), (input) => {
        const r = safeParseNeverThrows(parkFilterSchema, input);
        if (!r.success) expectOurMessages(r.error);
      }),
      RUNS,
    );
  });

  it("valid filters are accepted as given", () => {
    const valid = fc.record(
      { county: fc.constantFrom(...Object.values(County)), level: fc.constantFrom(...Object.values(ParkLevel)), industry: fc.constantFrom(...Object.values(Industry)), land: fc.constantFrom("1", "") },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(valid, (input) => {
        const f = parkFilterSchema.parse(input);
        expect(f).toEqual({ county: input.county, level: input.level, industry: input.industry, land: input.land === "1" });
      }),
      RUNS,
    );
  });
});

// ---- the inquiry ------------------------------------------------------------------------------

describe("inquirySchema properties", SLOW, () => {
  const KEYS = Object.keys(inquirySchema.shape).filter((k) => k !== "website");
  // The honeypot `website` belongs to the inquiry stream: form data only ever holds strings.
  const withHoneypot = (value: fc.Arbitrary<unknown>) =>
    fc.tuple(objectOver(KEYS, value), fc.option(fc.string(), { nil: undefined })).map(([o, website]) => (website === undefined ? o : { ...o, website }));

  it("arbitrary objects: never throws, refuses only with our messages", () => {
    fc.assert(
      fc.property(fc.oneof(withHoneypot(anyValue), anyValue), (input) => {
        const r = safeParseNeverThrows(inquirySchema, input);
        if (!r.success) expectOurMessages(r.error, INQUIRY_FORM_KEYS);
      }),
      RUNS,
    );
  });

  it("form data as a browser sends it (strings only): our messages, numbers decimal", () => {
    fc.assert(
      fc.property(withHoneypot(hostileString), (input) => {
        const r = safeParseNeverThrows(inquirySchema, input);
        if (!r.success) {
          expectOurMessages(r.error, INQUIRY_FORM_KEYS);
          return;
        }
        for (const k of ["investmentCny", "landNeededMu", "jobs", "powerKva", "waterTonsPerDay"] as const) {
          const raw = (input as Record<string, unknown>)[k];
          if (r.data[k] !== undefined) expect(r.data[k]).toBe(parseDecimal(raw));
        }
      }),
      RUNS,
    );
  });

  it("valid inquiries are accepted, with text trimmed and numbers read", () => {
    const text = (min: number, max: number) => fc.string({ minLength: min, maxLength: max }).filter((s) => s.trim().length >= min && s.trim() === s);
    const valid = fc.record({
      idempotencyKey: fc.uuid(),
      locale: fc.constantFrom("zh", "en"),
      contactName: text(1, 100),
      email: fc.emailAddress().filter((e) => e.length <= 200 && inquirySchema.shape.email.safeParse(e).success),
      company: text(1, 200),
      country: text(2, 100),
      message: text(10, 5000),
      consent: fc.constantFrom("on", "true"),
      industry: fc.constantFrom("", ...Object.values(Industry)),
      timeline: fc.constantFrom("", ...TIMELINES),
      landNeededMu: fc.oneof(fc.constant(""), fc.integer({ min: 1, max: 1e6 }).map((n) => n.toLocaleString("en-US"))),
      jobs: fc.oneof(fc.constant(""), fc.integer({ min: 1, max: 1e6 }).map(String)),
    });
    fc.assert(
      fc.property(valid, (input) => {
        const r = inquirySchema.safeParse(input);
        expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
        expect(r.data!.contactName).toBe(input.contactName);
        expect(r.data!.landNeededMu).toBe(input.landNeededMu === "" ? undefined : Number(input.landNeededMu.replace(/,/g, "")));
        expect(r.data!.industry).toBe(input.industry || undefined);
      }),
      RUNS,
    );
  });
});
