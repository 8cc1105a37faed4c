// Pure pieces of staff sign-in: the password policy, TOTP and recovery-code helpers, sealing,
// callback validation, the refusal codes the form reads, the staff bar's links.
import { describe, expect, it } from "vitest";
import { staffLinks } from "@/app/[locale]/(staff)/staff/staff-links";
import { safeCallbackPath, signInPath } from "@/lib/auth/page-guard";
import { ARGON2_OPTIONS, newPasswordSchema, newPasswordSchemaFor, passwordIssue } from "@/lib/auth/password";
import { can, PERMISSIONS, twoFactorBlocks } from "@/lib/auth/permissions";
import { DUMMY_PASSWORD_HASH } from "@/lib/auth/sign-in";
import { parseSignInError, signInErrorCode } from "@/lib/auth/sign-in-errors";
import {
  decryptTotpSecret, encryptTotpSecret, hashRecoveryCode, looksLikeRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, totpCode, totpUri,
} from "@/lib/auth/totp";

describe("password policy", () => {
  it.each([
    ["short", "password.tooShort"],
    ["x".repeat(129), "password.tooLong"],
    ["123456789012", "password.common"],
    ["qwertyuiop123", "password.common"],
    ["Password2026!", "password.common"],
    ["P@ssw0rd-2026", "password.common"],
    ["adminadmin2026", "password.common"],
    ["woaini1314520", "password.common"],
    ["Jiangmen2026!!", "password.common"],
    ["jiangmen-park-1", "password.containsName"],
    ["aaaaaaaaaaaaaa", "password.pattern"],
    ["abababababab", "password.pattern"],
    ["abcdefghijklmnop", "password.pattern"],
    ["zyxwvutsrqponm", "password.pattern"],
    ["x7Kq!x7Kq!x7Kq!", "password.pattern"],
  ])("refuses %j as %s", (password, issue) => {
    expect(passwordIssue(password)).toBe(issue);
    expect(newPasswordSchema.safeParse(password).error?.issues[0]?.message).toBe(issue);
  });

  it.each(["harbour-lantern-orchid-42", "correct horse battery", "江门投资促进局的一位官员", "Tr7#kq9!Lm2$", "desk-local-only-2026"])("accepts %j", (password) => {
    expect(passwordIssue(password)).toBeNull();
    expect(newPasswordSchema.safeParse(password).success).toBe(true);
  });

  it("refuses the account's own e-mail name as the substance of its password", () => {
    expect(passwordIssue("chen.jing.2026!", { email: "Chen.Jing@staff.example.cn" })).toBe("password.containsName");
    // Each part of the name counts too: "-1990-x" is all that is left.
    expect(passwordIssue("chenjing-1990-x", { email: "chen.jing@staff.example.cn" })).toBe("password.containsName");
    expect(passwordIssue("chenjing-harbour-orchid", { email: "chen.jing@staff.example.cn" })).toBeNull();
    expect(newPasswordSchemaFor("li.ming@x.cn").safeParse("li.ming-harbour-orchid").success).toBe(true);
    expect(newPasswordSchemaFor("harbourlantern@x.cn").safeParse("harbourlantern42").error?.issues[0]?.message).toBe("password.containsName");
  });

  it("verifies an unknown address against a hash of exactly the real cost", () => {
    expect(DUMMY_PASSWORD_HASH).toMatch(new RegExp(`^\\$argon2id\\$v=19\\$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}\\$`));
  });
});

describe("TOTP and recovery codes", () => {
  const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  const at = new Date("2026-12-01T02:00:10Z"); // step 59_736_000

  it("matches RFC 6238 codes within one step either side, and refuses steps not after the last used", async () => {
    const step = Math.floor(at.getTime() / 30_000);
    const code = await totpCode(SECRET, at);
    expect(code).toMatch(/^\d{6}$/);
    expect(await matchTotp(SECRET, code, at)).toBe(step);
    expect(await matchTotp(SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, new Date(at.getTime() + 30_000))).toBe(step);
    expect(await matchTotp(SECRET, code, new Date(at.getTime() + 60_000))).toBeNull();
    expect(await matchTotp(SECRET, code, at, step)).toBeNull();
    expect(await matchTotp(SECRET, code, at, step - 1)).toBe(step);
    expect(await matchTotp(SECRET, "abcdef", at)).toBeNull();
  });

  it("makes 160-bit secrets and an otpauth URI naming the portal and the account", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(secret, "chen@staff.example.cn")).toBe(`otpauth://totp/Jiangmen%20Investment%20Portal:chen%40staff.example.cn?secret=${secret}&issuer=Jiangmen%20Investment%20Portal`);
  });

  it("stores the secret encrypted and bound to its user", () => {
    const stored = encryptTotpSecret(SECRET, "user-1");
    expect(stored).not.toContain(SECRET);
    expect(encryptTotpSecret(SECRET, "user-1")).not.toBe(stored); // a fresh IV each time
    expect(decryptTotpSecret(stored, "user-1")).toBe(SECRET);
    expect(decryptTotpSecret(stored, "user-2")).toBeNull();
    expect(decryptTotpSecret(`${stored.slice(0, -2)}AA`, "user-1")).toBeNull();
    expect(decryptTotpSecret(null, "user-1")).toBeNull();
  });

  it("makes 10 distinct recovery codes, read whatever the case and spacing", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[2-9a-hj-km-np-z]{5}-[2-9a-hj-km-np-z]{5}$/);
    expect(hashRecoveryCode("ABCDE FGHJK")).toBe(hashRecoveryCode("abcde-fghjk"));
    expect(hashRecoveryCode("abcde-fghjk")).toMatch(/^[0-9a-f]{64}$/);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
    expect(looksLikeRecoveryCode("abcde-fghjk")).toBe(true);
  });
});

describe("sign-in callback and refusals", () => {
  it.each([
    [null, "/zh/staff/leads"],
    ["/zh/staff/leads/abc?tab=notes", "/zh/staff/leads/abc?tab=notes"],
    ["https://evil.example/", "/zh/staff/leads"],
    ["//evil.example/zh", "/zh/staff/leads"],
    ["/\\evil.example", "/zh/staff/leads"],
    ["/zh/staff\n/x", "/zh/staff/leads"],
    ["javascript:alert(1)", "/zh/staff/leads"],
    ["/zh/staff/sign-in?callbackUrl=/zh/staff", "/zh/staff/leads"],
  ])("takes %j as %j", (raw, expected) => {
    expect(safeCallbackPath(raw, "zh")).toBe(expected);
  });

  it("builds the sign-in link with an encoded, validated callback", () => {
    expect(signInPath("en", "/en/staff/users?x=1&y=2")).toBe("/en/staff/sign-in?callbackUrl=%2Fen%2Fstaff%2Fusers%3Fx%3D1%26y%3D2");
    expect(signInPath("en", "//evil")).toBe("/en/staff/sign-in?callbackUrl=%2Fen%2Fstaff%2Fleads");
  });

  it("carries each outcome and the end of a limit through next-auth's error string", () => {
    const retryAt = new Date("2026-12-01T02:15:00Z");
    expect(parseSignInError(signInErrorCode({ error: "limited", retryAt }))).toEqual({ kind: "limited", retryAt });
    for (const kind of ["bad-credentials", "totp-required", "bad-totp"] as const) expect(parseSignInError(signInErrorCode({ error: kind }))).toEqual({ kind });
    expect(parseSignInError("CredentialsSignin")).toEqual({ kind: "unavailable" });
    expect(parseSignInError(null)).toEqual({ kind: "unavailable" });
  });
});

describe("two-factor pending and the staff bar", () => {
  it("leaves an admin without two-factor only the enrolment permission", () => {
    for (const p of PERMISSIONS) expect(twoFactorBlocks({ twoFactorPending: true }, p)).toBe(p !== "account.self");
    for (const p of PERMISSIONS) expect(twoFactorBlocks({}, p)).toBe(false);
    expect(can("OFFICER", "account.self")).toBe(true);
  });

  it("shows each role the links its permissions open", () => {
    const keys = (role: "ADMIN" | "OFFICER", twoFactorPending = false) => staffLinks({ role, twoFactorPending }).map((l) => l.key);
    expect(keys("ADMIN")).toEqual(["leads", "overview", "parcels", "import", "users", "calendar", "parks", "projects", "audit", "rates", "account"]);
    expect(keys("OFFICER")).toEqual(["leads", "overview", "parcels", "account"]);
    expect(keys("ADMIN", true)).toEqual(["account"]);
  });
});
