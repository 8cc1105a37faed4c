// The staff parcel forms' schemas (lib/land/parcel-schemas.ts), shared by the browser and the
// actions: what a form sends (strings, checkboxes, repeated fields) becomes exactly this input,
// and every refusal names its field with one of our messages.
import { describe, expect, it } from "vitest";
import { bulkUpdateSchema, parseParcelList, toParcelListParams, updateParcelSchema } from "@/lib/land/parcel-schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

const ID = "cmabc123def456ghi789jk";
const edit = (over: Record<string, unknown> = {}) => updateParcelSchema.safeParse({ parcelId: ID, version: "3", status: "AVAILABLE", ...over });
const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => (r.success ? {} : fieldErrorsOf(r.error as never));

describe("updateParcelSchema", () => {
  it("reads a full form: blanks are none, numbers and dates as typed, the checkbox", () => {
    const r = edit({ reason: "  site visit  ", priceCnyPerMu: "１，５００", plotRatioMin: "1.2", plotRatioMax: "2.5", roadReadyOn: "2026-03-01", waterReadyOn: "", handoverOn: "2027-01-15", verified: "on" });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({
      parcelId: ID, version: 3, status: "AVAILABLE", reason: "site visit", priceCnyPerMu: 1500, plotRatioMin: 1.2, plotRatioMax: 2.5,
      roadReadyOn: "2026-03-01", waterReadyOn: undefined, drainageReadyOn: undefined, powerReadyOn: undefined, telecomReadyOn: undefined,
      gasReadyOn: undefined, heatingReadyOn: undefined, cableReadyOn: undefined, sewageReadyOn: undefined, levelledOn: undefined,
      handoverOn: "2027-01-15", verified: true,
    });
  });

  it("an unticked checkbox is not verified", () => {
    expect(edit().data?.verified).toBe(false);
  });

  it("names each bad field with its message", () => {
    expect(errorsOf(edit({ status: "GONE" }))).toEqual({ status: "notAChoice" });
    expect(errorsOf(edit({ status: "" }))).toEqual({ status: "required" });
    expect(errorsOf(edit({ priceCnyPerMu: "0" }))).toEqual({ priceCnyPerMu: "mustBePositive" });
    expect(errorsOf(edit({ priceCnyPerMu: "300000.5" }))).toEqual({ priceCnyPerMu: "mustBeWhole" });
    expect(errorsOf(edit({ priceCnyPerMu: "1e9" }))).toEqual({ priceCnyPerMu: "notAnAmount" });
    expect(errorsOf(edit({ priceCnyPerMu: "200000000" }))).toEqual({ priceCnyPerMu: "tooLarge:100000000" });
    expect(errorsOf(edit({ plotRatioMax: "25" }))).toEqual({ plotRatioMax: "tooLarge:20" });
    expect(errorsOf(edit({ plotRatioMin: "2", plotRatioMax: "1.5" }))).toEqual({ plotRatioMax: "maxBelowMin" });
    expect(errorsOf(edit({ gasReadyOn: "2026-02-30" }))).toEqual({ gasReadyOn: "noSuchDate" });
    expect(errorsOf(edit({ handoverOn: "next week" }))).toEqual({ handoverOn: "mustBeDate" });
    expect(errorsOf(edit({ reason: "x".repeat(501) }))).toEqual({ reason: "tooLong:500" });
    expect(errorsOf(edit({ reason: "a\u0000b" }))).toEqual({ reason: "controlCharacters" });
    expect(errorsOf(edit({ verified: "maybe" }))).toEqual({ verified: "invalid" });
  });

  it("refuses a missing or odd version and parcel id (a stale or tampered form)", () => {
    expect(errorsOf(edit({ version: "" }))).toEqual({ version: "required" });
    expect(errorsOf(edit({ version: "0" }))).toEqual({ version: "invalid" });
    expect(errorsOf(edit({ version: "2.5" }))).toEqual({ version: "invalid" });
    expect(errorsOf(edit({ parcelId: "../etc" }))).toEqual({ parcelId: "tooShort:8" });
    expect(errorsOf(edit({ parcelId: "ABCDEFGH-1" }))).toEqual({ parcelId: "invalid" });
  });
});

describe("bulkUpdateSchema", () => {
  const sel = ["cmaaaaaaaa1:2", "cmbbbbbbbb2:7"];
  it("reads the selection with each row's version, a single checkbox too", () => {
    expect(bulkUpdateSchema.parse({ parcels: sel, status: "RESERVED", verified: "on" })).toEqual({
      parcels: [{ id: "cmaaaaaaaa1", version: 2 }, { id: "cmbbbbbbbb2", version: 7 }], status: "RESERVED", reason: undefined, verified: true, handoverOn: undefined,
    });
    expect(bulkUpdateSchema.parse({ parcels: "cmaaaaaaaa1:2", handoverOn: "2027-05-01" }).parcels).toEqual([{ id: "cmaaaaaaaa1", version: 2 }]);
  });

  it("needs a selection and something to change; refuses repeats and bad rows", () => {
    expect(errorsOf(bulkUpdateSchema.safeParse({ parcels: [], verified: "on" }))).toEqual({ parcels: "required" });
    expect(errorsOf(bulkUpdateSchema.safeParse({ parcels: sel }))).toEqual({ form: "nothingToChange" });
    expect(errorsOf(bulkUpdateSchema.safeParse({ parcels: [sel[0], sel[0]], verified: "on" }))).toEqual({ parcels: "repeated" });
    expect(errorsOf(bulkUpdateSchema.safeParse({ parcels: ["cmaaaaaaaa1"], verified: "on" }))).toEqual({ parcels: "invalid" });
    expect(errorsOf(bulkUpdateSchema.safeParse({ parcels: ["cmaaaaaaaa1:0"], verified: "on" }))).toEqual({ parcels: "invalid" });
    const many = Array.from({ length: 1001 }, (_, i) => `cm${String(i).padStart(9, "0")}:1`);
    expect(errorsOf(bulkUpdateSchema.safeParse({ parcels: many, verified: "on" }))).toEqual({ parcels: "tooLarge:1000" });
  });
});

describe("the parcel list's filters", () => {
  it("applies every valid filter and names each refused one", () => {
    const { filters, errors } = parseParcelList({ q: "XH-SM", park: "xinhui-smart-manufacturing", status: "SOLDISH", toVerify: "1", codes: "XH-SM-001, XH-SM-002 XH-SM-001", page: "2" });
    expect(filters).toEqual({ q: "XH-SM", park: "xinhui-smart-manufacturing", zone: undefined, status: undefined, toVerify: true, codes: ["XH-SM-001", "XH-SM-002"], page: 2 });
    expect(errors).toEqual({ status: "notAChoice" });
  });

  it("round-trips through the URL, defaults left out", () => {
    const { filters } = parseParcelList({ q: "EU", toVerify: "1", codes: "A-1,B-2", page: "3" });
    const params = toParcelListParams(filters);
    expect(params.toString()).toBe("q=EU&toVerify=1&codes=A-1%2CB-2&page=3");
    expect(parseParcelList(Object.fromEntries(params)).filters).toEqual(filters);
    expect(toParcelListParams(parseParcelList({}).filters).toString()).toBe("");
  });
});
