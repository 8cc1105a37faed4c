// A request for code that reads Next's request APIs (`headers()`, `cookies()`), so the tiers
// below e2e call the real exported server actions and route helpers. Only Next's accessors are
// replaced (tests/setup/next-request.ts); the database, the session rows and the JWT are real.
import { AsyncLocalStorage } from "node:async_hooks";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";

export interface FakeRequest {
  headers: Headers;
  cookies: Map<string, string>;
}

export const requestScope = new AsyncLocalStorage<FakeRequest>();

export interface RequestInit {
  /** the client address the portal server would have set (null/absent: unknown) */
  address?: string | null;
  /** cookie name -> value */
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
}

/** Runs `fn` as if inside one HTTP request with these headers and cookies. */
export function inRequest<T>(init: RequestInit, fn: () => Promise<T>): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.address) headers.set(CLIENT_ADDRESS_HEADER, init.address);
  const cookies = new Map(Object.entries(init.cookies ?? {}));
  if (cookies.size) headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
  return requestScope.run({ headers, cookies }, fn);
}

/** Outside inRequest: an anonymous request without headers (unit tests of public actions). */
export const currentRequest = (): FakeRequest => requestScope.getStore() ?? { headers: new Headers(), cookies: new Map() };
