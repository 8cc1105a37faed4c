// The inbox's URL filters: defaults, each field's values, refusals that keep the other filters,
// and the way back to a URL.
import { describe, expect, it } from "vitest";
import { DEFAULT_INBOX_FILTERS, filtersForAudit, inboxParamsToObject, parseInboxFilters, toInboxSearchParams } from "@/lib/leads/inbox-schema";
import { containsPattern, receivedRange } from "@/lib/leads/inbox";

const parse = (qs: string) => parseInboxFilters(inboxParamsToObject(new URLSearchParams(qs)));

describe("inbox filters", () => {
  it("has the default view when nothing is given", () => {
    expect(DEFAULT_INBOX_FILTERS).toEqual({
      stage: [], assignee: "any", park: undefined, industry: undefined, country: undefined, landMin: undefined, landMax: undefined,
      overdue: false, escalated: false, from: undefined, to: undefined, q: undefined, sort: "received-desc", page: 1,
    });
    expect(parse("").errors).toEqual({});
  });

  it("reads every filter", () => {
    const { filters, errors } = parse(
      "stage=NEW&stage=CONTACTED&assignee=mine&park=jm-hi-tech&industry=PHOTOVOLTAIC&country=Germany&landMin=50&landMax=1,500&overdue=1&escalated=on&from=2026-11-01&to=2026-11-30&q=%E6%96%B0%E8%83%BD%E6%BA%90&sort=due&page=3",
    );
    expect(errors).toEqual({});
    expect(filters).toEqual({
      stage: ["NEW", "CONTACTED"], assignee: "mine", park: "jm-hi-tech", industry: "PHOTOVOLTAIC", country: "Germany", landMin: 50, landMax: 1500,
      overdue: true, escalated: true, from: "2026-11-01", to: "2026-11-30", q: "新能源", sort: "due", page: 3,
    });
    expect(parse("stage=NEW,SIGNED,NEW").filters.stage).toEqual(["NEW", "SIGNED"]);
    expect(parse("assignee=unassigned").filters.assignee).toBe("unassigned");
    expect(parse("assignee=cmabc123def456ghi789").filters.assignee).toBe("cmabc123def456ghi789");
  });

  it("refuses a bad value with a message for that field and keeps the other filters", () => {
    const { filters, errors } = parse("stage=NEW&stage=WON&park=jm&landMin=abc&page=0&sort=best&overdue=yes&q=ok&from=2026-02-30&assignee=Robert%27);DROP");
    expect(errors).toEqual({
      stage: "notAChoice", landMin: "mustBeNumber", page: "mustBePositive", sort: "notAChoice", overdue: "invalid", from: "noSuchDate", assignee: "notAChoice",
    });
    expect(filters).toMatchObject({ stage: [], park: "jm", landMin: undefined, page: 1, sort: "received-desc", overdue: false, q: "ok", from: undefined, assignee: "any" });
  });

  it("refuses a maximum below the minimum and an end before the start, keeping the first bound", () => {
    const { filters, errors } = parse("landMin=100&landMax=50&from=2026-11-10&to=2026-11-01");
    expect(errors).toEqual({ landMax: "maxBelowMin", to: "toBeforeFrom" });
    expect(filters).toMatchObject({ landMin: 100, landMax: undefined, from: "2026-11-10", to: undefined });
  });

  it("refuses a repeated single-valued parameter, control characters and over-long text", () => {
    const { errors } = parse(`park=a&park=b&q=${"x".repeat(101)}&country=a%00b`);
    expect(errors).toEqual({ park: "repeated", q: "tooLong:100", country: "controlCharacters" });
  });

  it("goes back to a short URL that reads back to the same filters", () => {
    const { filters } = parse("stage=NEW&stage=LOST&assignee=any&q=a%25b&landMin=0.5&sort=received-desc&page=1&escalated=1");
    const qs = toInboxSearchParams(filters).toString();
    expect(qs).toBe("stage=NEW&stage=LOST&landMin=0.5&escalated=1&q=a%25b");
    expect(parse(qs).filters).toEqual(filters);
    expect(filtersForAudit({ ...filters, page: 4 })).toEqual({ stage: ["NEW", "LOST"], landMin: "0.5", escalated: "1", q: "a%b" });
  });
});

describe("query helpers", () => {
  it("escapes LIKE's wildcards and its escape character", () => {
    expect(containsPattern("新能源")).toBe("%新能源%");
    expect(containsPattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });

  it("reads received days as China days", () => {
    expect(receivedRange("2026-11-01", "2026-11-30")).toEqual({
      gte: new Date("2026-10-31T16:00:00Z"),
      lt: new Date("2026-11-30T16:00:00Z"),
    });
    expect(receivedRange(undefined, undefined)).toEqual({ gte: undefined, lt: undefined });
  });
});
