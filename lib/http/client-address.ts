// The client's network address, decided once per request by the portal's HTTP server
// (scripts/portal-server.ts) and handed to the app in an internal header. Next fills
// X-Forwarded-For only when the header is absent, so a header the client sent (or sent empty)
// reaches the app unchanged: only the socket and the proxies we run are to be believed.
import { isIP } from "node:net";

/**
 * The internal header carrying the address. The server deletes any copy the client sent
 * before setting it, so the app may trust it (and nothing else).
 */
export const CLIENT_ADDRESS_HEADER = "x-portal-client-address";

/**
 * One address in canonical form, or null when it is not an IP address: IPv4-mapped IPv6
 * (`::ffff:1.2.3.4`, what a dual-stack socket reports for an IPv4 client) becomes IPv4, so
 * one client is one key whichever way it arrived; IPv6 is lower-cased and compressed. A port
 * (`1.2.3.4:5678`, `[2001:db8::1]:443`), which some proxies append, is dropped.
 */
export function normalizeIp(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[0-9.]+:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.length > 64) return null;
  const family = isIP(value);
  if (family === 4) return value;
  if (family !== 6 || value.includes("%")) return null; // zone ids are local to the host
  // The URL parser writes IPv6 in its canonical (RFC 5952) form, mapped IPv4 included.
  const canonical = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (mapped) {
    const hi = parseInt(mapped[1]!, 16);
    const lo = parseInt(mapped[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return canonical;
}

/**
 * The client address for a request that came through `hops` proxies we trust.
 * - hops 0: the socket's peer; X-Forwarded-For is ignored (no proxy of ours wrote it).
 * - hops N: each trusted proxy appends the address it saw, so the N-th entry from the right
 *   was written by the outermost of ours; everything further left is the client's own claim.
 *   When the header has fewer entries, or that entry is not an IP address, the address is
 *   unknown (null), never a guess further left.
 */
export function resolveClientAddress(input: { remoteAddress: string | undefined; forwardedFor: string | string[] | undefined; hops: number }): string | null {
  if (input.hops === 0) return normalizeIp(input.remoteAddress);
  // Several header lines mean the same as one comma-joined line (RFC 9110 5.3).
  const header = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : input.forwardedFor;
  if (header === undefined) return null;
  const entries = header.split(",");
  if (entries.length < input.hops) return null;
  return normalizeIp(entries[entries.length - input.hops]);
}
