// What makes two submissions "the same inquiry": a replay (double click, retry, resubmitted
// page) carries the same idempotency key and the same content; the same key with other content
// is someone else's or a changed form, and must not be answered with the first one's reference.
import { createHash } from "node:crypto";
import { addressKey } from "../mail/address";
import type { Inquiry } from "./schemas";

/** Not content: the key itself, the honeypot, and the consent (always true once parsed). */
const NOT_CONTENT = new Set(["idempotencyKey", "website", "consent"]);

function normalised(key: string, value: unknown): unknown {
  if (typeof value !== "string") return value;
  return key === "email" ? addressKey(value) : value.normalize("NFKC").trim();
}

/** sha-256 of the parsed input, normalised, keys sorted; blank and absent fields alike. */
export function inquiryFingerprint(input: Inquiry): string {
  const entries = Object.entries(input)
    .filter(([k, v]) => !NOT_CONTENT.has(k) && v !== undefined && v !== null && v !== "")
    .map(([k, v]) => [k, normalised(k, v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha256").update(JSON.stringify(entries)).digest("hex");
}
