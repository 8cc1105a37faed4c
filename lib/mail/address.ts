// One mailbox, however it is typed: `CAP@example.com`, ` cap@example.com ` and a full-width
// `ＣＡＰ@example.com` all reach the same person, so a per-address limit must see one address.
// Only the key is normalised; mail is still sent to the address as typed.

/** NFKC (full-width and compatibility forms), then trimmed, then lower case. */
export function addressKey(address: string): string {
  return address.normalize("NFKC").trim().toLowerCase();
}
