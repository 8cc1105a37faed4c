import { describe, expect, it } from "vitest";
import { retryDelaySeconds, retryWindowSeconds } from "@/lib/mail/outbox";
import { inquiryReceivedEmail } from "@/lib/mail/templates";

// Times in UTC; China time is UTC+8.
const at = (iso: string) => new Date(iso);

describe("retries", () => {
  it("double the wait from a minute and stop at six hours", () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([60, 120, 240, 480]);
    expect(retryDelaySeconds(20)).toBe(6 * 3600);
  });

  it("keep trying for more than a day, so a mail-server outage over a night loses nothing", () => {
    expect(retryWindowSeconds()).toBeGreaterThan(24 * 3600);
    expect(retryWindowSeconds()).toBeLessThan(3 * 24 * 3600);
  });
});

describe("inquiryReceivedEmail", () => {
  const base = {
    reference: "JM2611-ABCDEF",
    about: "Contiguous block JM-EU-B09-P01",
    answerBy: at("2026-11-25T02:00:00Z"),
  };

  it("writes English with the reference, the land, the answer date, how to have it deleted and the privacy note", () => {
    const { subject, text } = inquiryReceivedEmail({ ...base, locale: "en" });
    expect(subject).toBe("Your inquiry JM2611-ABCDEF is registered");
    expect(text).toMatch(/^Hello,\n/);
    expect(text).toContain("registered under the reference number JM2611-ABCDEF.");
    expect(text).toContain("\nAbout: Contiguous block JM-EU-B09-P01\n");
    expect(text).toContain("by November 25, 2026");
    expect(text).toContain("Did not send this inquiry? Reply to this e-mail with the reference number and we will delete it");
    expect(text).toContain("We keep your name, contact details");
  });

  it("dates the answer by China's calendar", () => {
    // 20:00 UTC on the 25th is already the 26th in Jiangmen.
    const { text } = inquiryReceivedEmail({ ...base, locale: "en", answerBy: at("2026-11-25T20:00:00Z") });
    expect(text).toContain("by November 26, 2026");
  });

  it("writes Chinese for a Chinese inquiry", () => {
    const { subject, text } = inquiryReceivedEmail({ ...base, locale: "zh" });
    expect(subject).toBe("您的投资咨询 JM2611-ABCDEF 已登记");
    expect(text).toMatch(/^您好：\n/);
    expect(text).toContain("编号为 JM2611-ABCDEF。");
    expect(text).toContain("咨询对象：Contiguous block JM-EU-B09-P01");
    expect(text).toContain("最迟于2026年11月25日前");
    expect(text).toContain("如您并未提交此咨询，请注明编号回复本邮件，我们将予以删除");
  });
});
