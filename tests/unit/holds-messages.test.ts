// The holds' strings (messages/staff/holds.{zh,en}.json): both languages complete, and the
// expiry notice as sent, in each language, with typed text kept on one line.
import { describe, expect, it } from "vitest";
import holdsEn from "@/messages/staff/holds.en.json";
import holdsZh from "@/messages/staff/holds.zh.json";
import { holdExpiryEmail } from "@/lib/land/hold-expiry";

const keys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();

describe("hold messages", () => {
  it("zh and en have the same keys, none empty", () => {
    expect(keys(holdsZh)).toEqual(keys(holdsEn));
    for (const file of [holdsZh, holdsEn]) {
      for (const value of JSON.stringify(file).match(/"[^"]*":""/g) ?? []) throw new Error(`empty message ${value}`);
    }
  });

  const mail = (locale: string) =>
    holdExpiryEmail({
      locale,
      name: "陈静",
      reference: "JM2612-ABCDEF",
      company: "Evil\r\nBcc: victim@example.com",
      parcels: [
        { code: "XH-01", heldAs: "RESERVED", expiresOn: new Date("2027-03-02T00:00:00Z") },
        { code: "XH-02", heldAs: "UNDER_NEGOTIATION", expiresOn: new Date("2027-03-01T00:00:00Z") },
      ],
      url: "https://invest.jiangmen.example/zh/staff/leads/x1",
    });

  it("the expiry notice names the lead, each parcel with its date, and the earliest expiry, in English", () => {
    const m = mail("en");
    expect(m.subject).toBe("Hold on land for lead JM2612-ABCDEF expires on March 1, 2027");
    expect(m.text).toContain("· XH-01 (reserved), held until March 2, 2027");
    expect(m.text).toContain("· XH-02 (under negotiation), held until March 1, 2027");
    expect(m.text).toContain("(Evil Bcc: victim@example.com)");
    expect(m.text).not.toMatch(/\r|\nBcc:/);
  });

  it("and in Chinese", () => {
    const m = mail("zh");
    expect(m.subject).toBe("线索 JM2612-ABCDEF 的地块保留将于 2027年3月1日 到期");
    expect(m.text).toContain("· XH-01（已预留），保留至 2027年3月2日");
    expect(m.text).toContain("陈静，您好：");
  });
});
