// The e-mails the e2e server's SMTP catcher wrote to .data/e2e/mail (tests/e2e/global-server.ts).
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

/** The raw messages received that match, as soon as at least one has (or none by the deadline). */
export async function waitForMail(match: (raw: string) => boolean, timeoutMs = 20_000): Promise<string[]> {
  const mailDir = inject("mailDir");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((f) => f.endsWith(".eml")).map((f) => fs.readFileSync(path.join(mailDir, f), "utf8")).filter(match) : [];
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The text body of a raw message, whichever transfer encoding the mailer chose. */
export function bodyOf(raw: string): string {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}
