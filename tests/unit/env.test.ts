import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("gives working defaults for a fresh clone (no env file)", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.EMBEDDED_PG_DIR).toBe(".data/postgres");
    expect(env.EMBEDDED_PG_PORT).toBe(54329);
  });

  it("treats an empty DATABASE_URL as unset, so `DATABASE_URL= npm start` uses the embedded server", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("rejects a DATABASE_URL that is not a PostgreSQL URL, naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x@y/z" })).toThrow(/DATABASE_URL: must start with postgres/);
  });

  it("bounds every database wait by default, and checks the settings", () => {
    const env = parseEnv({});
    expect(env.DB_CONNECT_TIMEOUT_MS).toBe(3000);
    expect(env.DB_STATEMENT_TIMEOUT_MS).toBe(5000);
    expect(parseEnv({ DB_CONNECT_TIMEOUT_MS: "1500" }).DB_CONNECT_TIMEOUT_MS).toBe(1500);
    expect(() => parseEnv({ DB_STATEMENT_TIMEOUT_MS: "0" })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
    expect(() => parseEnv({ DB_CONNECT_TIMEOUT_MS: "soon" })).toThrow(/DB_CONNECT_TIMEOUT_MS/);
  });

  it("rejects a port that is not a number", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
  });

  it("requires a reply-to mailbox once mail is switched on, and checks both settings", () => {
    expect(parseEnv({}).MAIL_SMTP_URL).toBeUndefined();
    expect(() => parseEnv({ MAIL_SMTP_URL: "smtp://mail.example.cn:587" })).toThrow(/MAIL_REPLY_TO is required/);
    expect(() => parseEnv({ MAIL_SMTP_URL: "http://mail.example.cn" })).toThrow(/MAIL_SMTP_URL: must start with smtp/);
    expect(() => parseEnv({ MAIL_SMTP_URL: "smtp://m", MAIL_REPLY_TO: "not-an-address" })).toThrow(/MAIL_REPLY_TO/);
    expect(parseEnv({ MAIL_SMTP_URL: "smtps://u:p@m:465", MAIL_REPLY_TO: "invest@jiangmen.example" }).MAIL_REPLY_TO).toBe("invest@jiangmen.example");
  });

  it("reads TRUSTED_PROXY_HOPS as a whole number of proxies, 0 (the socket's address) by default", () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "1" }).TRUSTED_PROXY_HOPS).toBe(1);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: " 2 " }).TRUSTED_PROXY_HOPS).toBe(2);
    for (const bad of ["-1", "1.5", "one", "11"]) expect(() => parseEnv({ TRUSTED_PROXY_HOPS: bad }), bad).toThrow(/TRUSTED_PROXY_HOPS: must be/);
  });

  it("requires the secrets in production only", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET is required in production/);
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(32) })).toThrow(/IP_HASH_SALT is required/);
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(32), IP_HASH_SALT: "t".repeat(32) }).NODE_ENV).toBe("production");
  });
});
