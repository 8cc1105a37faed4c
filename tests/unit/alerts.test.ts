// The pure parts of saved-search alerts and the inquiry status page: block signatures, link
// tokens and their hashes, the canonical stored query, the shared form schemas, the investor's
// step for every pipeline stage, and the e-mails' text in both languages.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { alertEmail, confirmationEmail } from "@/lib/alerts/emails";
import { canonicalSearchQuery, saveSearchSchema } from "@/lib/alerts/schemas";
import { blockSignature, newSignatures } from "@/lib/alerts/signature";
import { hashLinkToken, looksLikeLinkToken, newLinkToken, unsubscribeToken } from "@/lib/alerts/tokens";
import { InquiryStage } from "@/lib/generated/prisma/enums";
import { inquiryReceivedEmail } from "@/lib/mail/templates";
import { investorStep } from "@/lib/inquiry/status";
import { investorMessageSchema } from "@/lib/inquiry/status-schemas";
import { landSearchSchema } from "@/lib/search/schemas";

describe("block signature", () => {
  it("is 16 hex digits of the sha256 of the sorted, distinct parcel codes", () => {
    const expected = createHash("sha256").update("JM-A-001\nJM-A-002\nJM-B-010").digest("hex").slice(0, 16);
    expect(blockSignature(["JM-B-010", "JM-A-001", "JM-A-002"])).toBe(expected);
    expect(blockSignature(["JM-A-002", "JM-B-010", "JM-A-001", "JM-A-001"])).toBe(expected);
    expect(blockSignature(["JM-A-001"])).toMatch(/^[0-9a-f]{16}$/);
  });
  it("changes when the block grows or shrinks, and separator tricks do not collide", () => {
    const base = blockSignature(["A", "B"]);
    expect(blockSignature(["A", "B", "C"])).not.toBe(base);
    expect(blockSignature(["A"])).not.toBe(base);
    expect(blockSignature(["A\nB"])).toBe(base); // a newline is not a parcel-code character; documented
    expect(blockSignature(["AB"])).not.toBe(base);
  });
  it("new signatures are those not seen, in the current order", () => {
    expect(newSignatures(["c", "a", "d", "b"], ["a", "b", "x"])).toEqual(["c", "d"]);
    expect(newSignatures(["a"], ["a"])).toEqual([]);
  });
});

describe("link tokens", () => {
  it("are 32 random bytes in base64url (43 characters), stored as their sha256 hex", () => {
    const t = newLinkToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(t, "base64url")).toHaveLength(32);
    expect(newLinkToken()).not.toBe(t);
    expect(hashLinkToken(t)).toBe(createHash("sha256").update(t).digest("hex"));
    expect(hashLinkToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(looksLikeLinkToken(t)).toBe(true);
    expect(looksLikeLinkToken(`${t}x`)).toBe(false);
    expect(looksLikeLinkToken("../../etc/passwd")).toBe(false);
  });
  it("the unsubscribe token is the same for one search under one secret, and another for another search or secret", () => {
    const a = unsubscribeToken("search-1", "secret-1");
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(unsubscribeToken("search-1", "secret-1")).toBe(a);
    expect(unsubscribeToken("search-2", "secret-1")).not.toBe(a);
    expect(unsubscribeToken("search-1", "secret-2")).not.toBe(a);
  });
});

describe("the stored query and the save form's schema", () => {
  it("one spelling per search: page dropped, defaults left out, lists joined", () => {
    expect(canonicalSearchQuery("?park=x&page=4&sort=area-desc&view=blocks&ready=power&ready=gas")).toBe("park=x&ready=power%2Cgas");
    expect(canonicalSearchQuery("ready=power,gas&park=x")).toBe("park=x&ready=power%2Cgas");
    expect(canonicalSearchQuery("")).toBe("");
    expect(canonicalSearchQuery("minArea=abc")).toBeNull();
    // What is stored parses back to the same search.
    const stored = canonicalSearchQuery("minArea=50&maxArea=80&unit=mu&county=XINHUI")!;
    expect(landSearchSchema.parse(Object.fromEntries(new URLSearchParams(stored)))).toMatchObject({ minArea: 50, maxArea: 80, county: "XINHUI", page: 1 });
  });
  it("names the field at fault, refuses a filled honeypot as a whole, and outputs the canonical query", () => {
    expect(saveSearchSchema.parse({ locale: "en", email: " a@example.com ", query: "page=2&park=x" })).toEqual({ locale: "en", email: "a@example.com", query: "park=x" });
    const bad = saveSearchSchema.safeParse({ locale: "fr", email: "a@", query: "maxPrice=-1" });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues.map((i) => [i.path[0], i.message])).toEqual([["locale", "notAChoice"], ["email", "email"], ["query", "invalid"]]);
    const bot = saveSearchSchema.safeParse({ locale: "en", email: "a@example.com", website: "x" });
    expect(bot.success ? null : bot.error.issues.map((i) => [i.path.length, i.message])).toEqual([[0, "refused"]]);
  });
  it("the status page's message: trimmed, 1-2000 characters, control characters refused", () => {
    expect(investorMessageSchema.parse({ token: "t", message: "  Hello\n  " })).toEqual({ token: "t", message: "Hello" });
    const msg = (m: string) => { const r = investorMessageSchema.safeParse({ token: "t", message: m }); return r.success ? "ok" : r.error.issues[0]!.message; };
    expect(msg("a\u0007b")).toBe("controlCharacters");
    expect(msg("\u202Eevil")).toBe("controlCharacters");
    expect(msg("x".repeat(2001))).toBe("tooLong:2000");
    expect(msg("x".repeat(2000))).toBe("ok");
    expect(msg("")).toBe("required");
  });
});

describe("the investor's step", () => {
  it("maps every pipeline stage, with the assignment and first answer for new inquiries", () => {
    const step = (stage: InquiryStage, assigneeId: string | null = "u1", firstRespondedAt: Date | null = null) => investorStep({ stage, assigneeId, firstRespondedAt });
    expect(step("NEW", null)).toBe("received");
    expect(step("NEW")).toBe("assigned");
    expect(step("NEW", "u1", new Date())).toBe("contacted");
    expect(step("CONTACTED")).toBe("contacted");
    expect(step("QUALIFIED")).toBe("contacted");
    expect(step("SITE_VISIT")).toBe("visit");
    expect(step("NEGOTIATING")).toBe("negotiating");
    expect(step("SIGNED")).toBe("closed");
    expect(step("LOST", null)).toBe("closed");
    // Every stage has an answer (a new stage fails here until it is mapped).
    for (const s of Object.values(InquiryStage)) expect(step(s)).toMatch(/^(received|assigned|contacted|visit|negotiating|closed)$/);
  });
});

describe("the e-mails", () => {
  const expiresAt = new Date("2026-12-08T10:00:00Z");
  it("the confirmation names the search and the link's expiry, in the recipient's language", () => {
    const en = confirmationEmail({ locale: "en", url: "https://p.example/en/alerts/confirm/T", expiresAt, searchUrl: "https://p.example/en/search?park=x" });
    expect(en.subject).toBe("Confirm your saved land search");
    expect(en.text).toContain("the link works until December 8, 2026");
    expect(en.text).toContain("https://p.example/en/alerts/confirm/T");
    expect(en.text).toContain("https://p.example/en/search?park=x");
    const zh = confirmationEmail({ locale: "zh", url: "u", expiresAt, searchUrl: "s" });
    expect(zh.subject).toBe("请确认您保存的土地搜索");
    expect(zh.text).toContain("2026年12月8日");
  });
  it("the alert lists each new block with size, park and link, at most 20, with the unsubscribe link", () => {
    const query = landSearchSchema.parse({ park: "x" });
    const blocks = Array.from({ length: 22 }, (_, i) => ({ key: `JM-${100 + i}`, areaM2: 40_000, parkName: "Xinhui Park" }));
    const en = alertEmail({ locale: "en", query, rawQuery: "park=x", blocks, unsubscribeUrl: "https://p.example/en/alerts/unsubscribe/U" });
    expect(en.subject).toBe("22 new blocks match your saved land search");
    expect(en.text).toContain("1. 4 ha (60 mu), Xinhui Park");
    expect(en.text).toMatch(/\/en\/blocks\/JM-100\?park=x\n/);
    expect(en.text).toContain("20. ");
    expect(en.text).not.toContain("21. ");
    expect(en.text).toContain("and 2 more blocks: see the search.");
    expect(en.text).toContain("/en/search?park=x");
    expect(en.text).toContain("https://p.example/en/alerts/unsubscribe/U");
    const zh = alertEmail({ locale: "zh", query, rawQuery: "park=x", blocks: blocks.slice(0, 1), unsubscribeUrl: "U" });
    // The site's word for a block: 连片地块, counted in 片 (messages/zh.json's search results).
    expect(zh.subject).toBe("有 1 片新的连片地块符合您保存的土地搜索");
    expect(zh.text).toContain("自上次通知以来，有 1 片连片地块新符合您保存的搜索条件：");
    expect(zh.text).toContain("1. 60亩（4公顷），Xinhui Park");
    const many = alertEmail({ locale: "zh", query, rawQuery: "park=x", blocks, unsubscribeUrl: "U" });
    expect(many.text).toContain("另有 2 片连片地块：请查看搜索。");
  });
  it("says when a new block is larger than the search's maximum and offered only in part, as the search page marks it", () => {
    const query = landSearchSchema.parse({ park: "x", maxArea: "80" });
    const blocks = [
      { key: "JM-1", areaM2: 40_000, parkName: "China-EU Zone" },
      { key: "JM-2", areaM2: 158_000, parkName: "China-EU Zone", partial: true },
    ];
    const en = alertEmail({ locale: "en", query, rawQuery: "park=x&maxArea=80", blocks, unsubscribeUrl: "U" });
    expect(en.text).toContain("1. 4 ha (60 mu), China-EU Zone\n");
    expect(en.text).toContain("2. Part of a larger block of 15.8 ha (237 mu), China-EU Zone (offered in part: the page proposes a part that fits your maximum)\n");
    const zh = alertEmail({ locale: "zh", query, rawQuery: "park=x&maxArea=80", blocks, unsubscribeUrl: "U" });
    expect(zh.text).toContain("2. 较大连片地块的一部分：整片237亩（15.8公顷），China-EU Zone（可分割出让：页面列出符合您上限的建议部分）\n");
  });
  it("the inquiry confirmation carries the status link and its expiry when given", () => {
    const m = inquiryReceivedEmail({ locale: "en", reference: "JM2612-ABCDEF", about: "Block X", answerBy: expiresAt, status: { url: "https://p.example/en/inquiry/status/S", expiresAt } });
    expect(m.text).toContain("private link, valid until December 8, 2026):\nhttps://p.example/en/inquiry/status/S\n");
    expect(inquiryReceivedEmail({ locale: "en", reference: "R", about: "A", answerBy: expiresAt }).text).not.toContain("status");
  });
});

describe("the alerts area's messages", () => {
  it("has every string in Chinese and English", async () => {
    const keys = (o: object, prefix = ""): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    const en = (await import("@/messages/investor/alerts.en.json")).default;
    const zh = (await import("@/messages/investor/alerts.zh.json")).default;
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    const values = (o: object): unknown[] => Object.values(o).flatMap((v) => (typeof v === "object" && v !== null ? values(v) : [v]));
    for (const v of [...values(en), ...values(zh)]) expect(typeof v === "string" && v.trim().length > 0).toBe(true);
  });
  it("names a block as the rest of the site does: 连片地块 (never 地块组), 'block' in English", async () => {
    const site = (await import("@/messages/zh.json")).default;
    expect(site.search.viewBlocks).toBe("连片地块");
    const zh = JSON.stringify((await import("@/messages/investor/alerts.zh.json")).default);
    expect(zh).not.toContain("地块组");
    expect(zh.match(/连片地块/g)?.length).toBe(10);
    const en = (await import("@/messages/investor/alerts.en.json")).default;
    expect(en.status.block).toBe("Contiguous block {key}: {parcels}");
    expect(JSON.stringify(en)).not.toMatch(/group of parcels|parcel group/i);
  });
});

describe("request logs", () => {
  it("never carry the links' tokens", async () => {
    const { redactSecrets } = await import("@/lib/http/portal-handler");
    const t = "Ab-_0123456789012345678901234567890123456789";
    expect(redactSecrets(`/en/alerts/confirm/${t}`)).toBe("/en/alerts/confirm/[token]");
    expect(redactSecrets(`/zh/alerts/unsubscribe/${t}?x=1`)).toBe("/zh/alerts/unsubscribe/[token]?x=1");
    expect(redactSecrets(`/api/alerts/unsubscribe/${t}`)).toBe("/api/alerts/unsubscribe/[token]");
    expect(redactSecrets(`/en/inquiry/status/${t}`)).toBe("/en/inquiry/status/[token]");
    expect(redactSecrets(`/en/staff/reset-password/${t}`)).toBe("/en/staff/reset-password/[token]");
    expect(redactSecrets("/en/inquiry?block=JM-1")).toBe("/en/inquiry?block=JM-1");
  });
});
