// The status page's message times are China time, and say so in both languages.
import { describe, expect, it } from "vitest";
import { messageTimeText } from "@/lib/inquiry/status-format";

describe("messageTimeText", () => {
  const at = new Date("2026-12-01T21:32:00Z"); // 05:32 on 2 December in China
  it("writes China time with its label", () => {
    expect(messageTimeText("en", at)).toBe("2 Dec 2026, 05:32 (China time)");
    expect(messageTimeText("zh", at)).toBe("2026年12月2日 05:32（北京时间）");
  });
});
