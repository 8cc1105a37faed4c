import { describe, expect, it } from "vitest";
import { normalizeIp, resolveClientAddress } from "@/lib/http/client-address";
import { clientIp } from "@/lib/inquiry/ip";

const resolve = (hops: number, forwardedFor: string | string[] | undefined, remoteAddress = "203.0.113.9") =>
  resolveClientAddress({ hops, forwardedFor, remoteAddress });

describe("resolveClientAddress", () => {
  it("hops 0: the socket's address, whatever X-Forwarded-For says", () => {
    expect(resolve(0, undefined)).toBe("203.0.113.9");
    expect(resolve(0, "198.51.100.1")).toBe("203.0.113.9");
    expect(resolve(0, "")).toBe("203.0.113.9");
    expect(resolve(0, "1.1.1.1, 2.2.2.2,")).toBe("203.0.113.9");
  });

  it("hops 0: a dual-stack socket's IPv4-mapped address is the IPv4 address", () => {
    expect(resolve(0, undefined, "::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(resolve(0, undefined, "::1")).toBe("::1");
    expect(resolveClientAddress({ hops: 0, forwardedFor: "198.51.100.1", remoteAddress: undefined })).toBeNull();
  });

  it("hops 1: the right-most entry, the one our proxy appended", () => {
    expect(resolve(1, "198.51.100.1")).toBe("198.51.100.1");
    expect(resolve(1, "6.6.6.6, 198.51.100.1")).toBe("198.51.100.1");
    expect(resolve(1, "6.6.6.6,198.51.100.1")).toBe("198.51.100.1");
  });

  it("hops 2: the second entry from the right; entries further left are the client's claim", () => {
    expect(resolve(2, "6.6.6.6, 198.51.100.1, 10.0.0.2")).toBe("198.51.100.1");
    expect(resolve(2, "198.51.100.1, 10.0.0.2")).toBe("198.51.100.1");
  });

  it("joins several header lines, as one comma-separated list", () => {
    expect(resolve(2, ["6.6.6.6, 198.51.100.1", "10.0.0.2"])).toBe("198.51.100.1");
    expect(resolve(1, ["6.6.6.6", "198.51.100.1"])).toBe("198.51.100.1");
  });

  it("is unknown (null) when the header is absent, empty, too short or ends in a comma", () => {
    expect(resolve(1, undefined)).toBeNull();
    expect(resolve(1, "")).toBeNull();
    expect(resolve(1, " ")).toBeNull();
    expect(resolve(1, "198.51.100.1,")).toBeNull();
    expect(resolve(1, "198.51.100.1, ")).toBeNull();
    expect(resolve(2, "198.51.100.1")).toBeNull();
    expect(resolve(3, "1.1.1.1, 2.2.2.2")).toBeNull();
  });

  it("never takes an entry that is not an IP address, nor looks further left for one", () => {
    for (const forged of ["unknown", "evil.example", "1.2.3", "1.2.3.256", "01.2.3.4x", "<script>", "' OR 1=1 --", "fe80::1%eth0", "1.2.3.4 5.6.7.8", "_"]) {
      expect(resolve(1, `198.51.100.1, ${forged}`), forged).toBeNull();
      expect(resolve(1, forged), forged).toBeNull();
    }
    expect(resolve(2, "garbage, 10.0.0.2")).toBeNull();
  });

  it("reads IPv6 entries, bracketed or not, with or without a port, in canonical form", () => {
    expect(resolve(1, "2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(resolve(1, "[2001:db8::1]")).toBe("2001:db8::1");
    expect(resolve(1, "[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(resolve(1, "198.51.100.1:5678")).toBe("198.51.100.1");
    expect(resolve(1, "::ffff:198.51.100.1")).toBe("198.51.100.1");
    expect(resolve(1, "::FFFF:c633:6401")).toBe("198.51.100.1");
  });
});

describe("normalizeIp", () => {
  it("keeps one form per address and refuses what is not one", () => {
    expect(normalizeIp("  192.0.2.1 ")).toBe("192.0.2.1");
    expect(normalizeIp("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeIp("2001:0db8:0000:0000:0000:ff00:0042:8329")).toBe("2001:db8::ff00:42:8329");
    expect(normalizeIp("")).toBeNull();
    expect(normalizeIp(null)).toBeNull();
    expect(normalizeIp("1".repeat(100))).toBeNull();
    expect(normalizeIp("[::1")).toBeNull();
  });
});

describe("clientIp (what the inquiry action reads)", () => {
  it("reads only the server's internal header, never X-Forwarded-For or X-Real-IP", () => {
    expect(clientIp(new Headers({ "x-portal-client-address": "198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" }))).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6", "x-portal-client-address": "198.51.100.7" }))).toBe("198.51.100.7");
  });

  it("is null when the internal header is absent or not an address", () => {
    expect(clientIp(new Headers())).toBeNull();
    expect(clientIp(new Headers({ "x-portal-client-address": "" }))).toBeNull();
    expect(clientIp(new Headers({ "x-portal-client-address": "somewhere" }))).toBeNull();
  });
});
