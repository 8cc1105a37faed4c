// The staff e-mails' and the overview's strings: both languages complete, and the e-mails as sent.
import { describe, expect, it } from "vitest";
import mailEn from "@/messages/staff/mail.en.json";
import mailZh from "@/messages/staff/mail.zh.json";
import overviewEn from "@/messages/staff/overview.en.json";
import overviewZh from "@/messages/staff/overview.zh.json";
import { assignmentEmail } from "@/lib/leads/assignment-email";
import { escalationEmail } from "@/lib/leads/escalation";

const keys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();

describe("staff mail and overview messages", () => {
  it("zh and en have the same keys, none empty", () => {
    expect(keys(mailZh)).toEqual(keys(mailEn));
    expect(keys(overviewZh)).toEqual(keys(overviewEn));
    for (const file of [mailZh, mailEn, overviewZh, overviewEn]) {
      for (const value of JSON.stringify(file).match(/"[^"]*":""/g) ?? []) throw new Error(`empty message ${value}`);
    }
  });

  it("the assignment e-mail keeps typed text on one line, in subject and body", () => {
    const mail = assignmentEmail({
      locale: "en",
      assigneeName: "Li Wei",
      reference: "JM2612-ABCDEF",
      company: "Evil\r\nBcc: victim@example.com\n\nCorp",
      parkName: "Jianghai Park",
      dueAt: new Date("2026-12-08T02:00:00Z"),
      url: "https://invest.jiangmen.example/en/staff/leads/x1",
      byName: "Admin Zhou",
    });
    expect(mail.subject).toBe("New lead JM2612-ABCDEF: Evil Bcc: victim@example.com Corp");
    expect(mail.text.split("\n")).toEqual([
      "Hello Li Wei,",
      "",
      "Admin Zhou has assigned an inquiry to you.",
      "",
      "Reference: JM2612-ABCDEF",
      "Company: Evil Bcc: victim@example.com Corp",
      "Park: Jianghai Park",
      "First contact due: December 8, 2026, 10:00 AM (China time)",
      "",
      "Open the lead: https://invest.jiangmen.example/en/staff/leads/x1",
      "",
      "Jiangmen Industrial Parks Investment Portal · staff notice",
      "(Sent automatically; replies to this address are not read.)",
    ]);
  });

  it("the escalation e-mail says what each level means", () => {
    const base = { locale: "en", days: 7, assigneeName: "Li Wei", reference: "JM2612-ABCDEF", company: "A GmbH", since: new Date("2026-11-30T02:00:00Z"), url: "u" };
    expect(escalationEmail({ ...base, level: 3 }).subject).toBe("Urgent: lead JM2612-ABCDEF untouched for 7 working days, listed on the admins' overview");
    expect(escalationEmail({ ...base, level: 3 }).text).toContain(
      "Lead JM2612-ABCDEF (A GmbH), assigned to you, has had no activity for 7 working days, since November 30, 2026, 10:00 AM (China time).\n\nThe lead is now at the highest level",
    );
  });
});
