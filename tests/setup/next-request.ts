// vitest setup (unit and integration tiers): Next's request accessors read the request that
// tests/setup/request-scope.ts `inRequest` opened. `after()` runs its callback once the action
// returned, as Next does after the response.
import { vi } from "vitest";
import { currentRequest } from "./request-scope";

vi.mock("next/headers", () => ({
  headers: async () => currentRequest().headers,
  cookies: async () => {
    const { cookies } = currentRequest();
    return {
      get: (name: string) => (cookies.has(name) ? { name, value: cookies.get(name)! } : undefined),
      getAll: () => [...cookies].map(([name, value]) => ({ name, value })),
      has: (name: string) => cookies.has(name),
      set: (name: string, value: string) => void cookies.set(name, value),
      delete: (name: string) => void cookies.delete(name),
    };
  },
}));

vi.mock("next/server", async (importOriginal) => {
  const real = await importOriginal<typeof import("next/server")>();
  return { ...real, after: (task: () => unknown) => void Promise.resolve().then(task) };
});
