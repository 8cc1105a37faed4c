// Delivering the outbox to a real SMTP server (smtp-server, in this process) from real
// PostgreSQL: sent once, retried with backoff when the server is down, and shared safely by
// several senders (two Prisma clients play two app instances).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { countEmailsTo, deliverDue, enqueueEmail, KEEP_DAYS, MAX_ATTEMPTS, purgeOldEmails, retryDelaySeconds, type SendMail } from "@/lib/mail/outbox";
import { smtpSender } from "@/lib/mail/transport";
import { freePort } from "../setup/free-port";
import { startTestSmtp, type Received, type TestSmtp } from "./helpers/smtp";
import { testDb } from "./helpers/database";

let db: Db;
let other: Db;
let server: TestSmtp;
let port: number;
let received: Received[];

beforeAll(async () => {
  db = testDb();
  other = testDb();
  server = await startTestSmtp();
  ({ port, received } = server);
});
afterEach(async () => {
  received.length = 0;
  await db.outboxEmail.deleteMany();
});
afterAll(async () => {
  await server.close();
  await Promise.all([db.$disconnect(), other.$disconnect()]);
});

const send = () => smtpSender(`smtp://127.0.0.1:${port}`, "Portal <no-reply@example.test>");
const queue = (to: string, subject = "Your inquiry JM2611-ABCDEF is registered") =>
  enqueueEmail(db, { kind: "inquiry-received", to, subject, text: "Dear Anna,\n\nthank you. 感谢您关注江门。" });

describe("mail outbox", () => {
  it("sends a due e-mail once and marks it sent", async () => {
    await queue("anna@example.de");
    expect(await deliverDue(db, send())).toMatchObject({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(["anna@example.de"]);
    expect(received[0]!.raw).toContain("Subject: Your inquiry JM2611-ABCDEF is registered");
    const row = await db.outboxEmail.findFirstOrThrow();
    expect(row.sentAt).not.toBeNull();
    expect(row.attempts).toBe(1);
    // Nothing left to send.
    expect(await deliverDue(db, send())).toMatchObject({ sent: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });

  it("keeps the e-mail and schedules a retry with backoff when the mail server is down", async () => {
    await queue("anna@example.de");
    const down = smtpSender(`smtp://127.0.0.1:${await freePort()}`, "Portal <no-reply@example.test>");
    const before = Date.now();
    expect(await deliverDue(db, down)).toEqual({ sent: 0, failed: 1, abandoned: [] });
    const row = await db.outboxEmail.findFirstOrThrow();
    expect(row.sentAt).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    // Not due again before the backoff has passed, so the next round does not hammer the server.
    expect(row.sendAfter.getTime()).toBeGreaterThan(before + (retryDelaySeconds(1) - 5) * 1000);
    expect(await deliverDue(db, send())).toMatchObject({ sent: 0, failed: 0 });
    // Once due again it goes out.
    await db.outboxEmail.update({ where: { id: row.id }, data: { sendAfter: new Date(Date.now() - 1000) } });
    expect(await deliverDue(db, send())).toMatchObject({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
  });

  it("gives up after the last attempt, reports it, and keeps the row and its error for support", async () => {
    await queue("anna@example.de");
    await db.outboxEmail.updateMany({ data: { attempts: MAX_ATTEMPTS - 1 } });
    const down = smtpSender(`smtp://127.0.0.1:${await freePort()}`, "Portal <no-reply@example.test>");
    const row = await db.outboxEmail.findFirstOrThrow();
    expect(await deliverDue(db, down)).toEqual({ sent: 0, failed: 1, abandoned: [row.id] });
    await db.outboxEmail.updateMany({ data: { sendAfter: new Date(Date.now() - 1000) } });
    expect(await deliverDue(db, send())).toMatchObject({ sent: 0, failed: 0 });
    expect(await db.outboxEmail.count({ where: { sentAt: null, lastError: { not: null } } })).toBe(1);
  });

  it("a sender whose lease ran out during a slow send does not overwrite the new holder", async () => {
    await queue("anna@example.de");
    let releaseSlow: (() => void) | undefined;
    const slow: SendMail = () => new Promise<void>((resolve) => (releaseSlow = resolve)).then(() => Promise.reject(new Error("timeout")));
    const first = deliverDue(db, slow);
    await vi.waitFor(() => expect(releaseSlow).toBeDefined());
    // The lease expires (as if the send took too long); another instance takes the row and sends.
    await db.outboxEmail.updateMany({ data: { sendAfter: new Date(Date.now() - 1000) } });
    expect(await deliverDue(other, send())).toMatchObject({ sent: 1 });
    releaseSlow!();
    await first;
    // The stale failure does not reschedule or mark the row: it stays sent, once.
    const row = await db.outboxEmail.findFirstOrThrow();
    expect(row.sentAt).not.toBeNull();
    expect(row.lastError).toBeNull();
    expect(received).toHaveLength(1);
  });

  it("deletes sent e-mails after the keeping period, not before", async () => {
    await queue("old@example.com");
    await queue("new@example.com");
    await deliverDue(db, send());
    await db.outboxEmail.updateMany({ where: { to: "old@example.com" }, data: { createdAt: new Date(Date.now() - (KEEP_DAYS + 1) * 86_400_000) } });
    expect(await purgeOldEmails(db)).toBe(1);
    expect((await db.outboxEmail.findMany()).map((r) => r.to)).toEqual(["new@example.com"]);
  });

  it("two senders at once deliver each e-mail exactly once", async () => {
    for (let i = 0; i < 12; i++) await queue(`investor${i}@example.com`);
    const results = await Promise.all([deliverDue(db, send(), 8), deliverDue(other, send(), 8), deliverDue(db, send(), 8)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
    expect(received.map((r) => r.to[0]).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `investor${i}@example.com`).sort());
    expect(await db.outboxEmail.count({ where: { sentAt: null } })).toBe(0);
  });

  it("counts e-mails to one address however it is typed (case, spaces, full-width forms), sending to it as typed", async () => {
    for (const to of ["CAP@example.com", "Cap@Example.com", " cap@example.com ", "ＣＡＰ@ｅｘａｍｐｌｅ.com", "other@example.com"]) await queue(to);
    const since = new Date(Date.now() - 60_000);
    expect(await countEmailsTo(db, "cap@EXAMPLE.com", since)).toBe(4);
    expect(await countEmailsTo(db, "other@example.com", since)).toBe(1);
    expect(await countEmailsTo(db, "CAP@example.com", new Date(Date.now() + 60_000))).toBe(0);
    expect((await db.outboxEmail.findMany({ select: { to: true, toKey: true }, orderBy: { createdAt: "asc" } })).slice(0, 2)).toEqual([
      { to: "CAP@example.com", toKey: "cap@example.com" },
      { to: "Cap@Example.com", toKey: "cap@example.com" },
    ]);
  });
});
