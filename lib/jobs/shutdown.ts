// Work to finish before the process exits (the job runner). Kept on globalThis under a
// registered symbol because the code that starts the jobs runs inside Next's server bundle
// (instrumentation.ts) while the code that stops the process (scripts/portal-server.ts) does
// not: they load separate copies of this module, and share only the global object.
const KEY = Symbol.for("jiangmen-portal.shutdown-hooks");
type Hook = () => Promise<void>;

function hooks(): Set<Hook> {
  const g = globalThis as unknown as Record<symbol, Set<Hook> | undefined>;
  g[KEY] ??= new Set();
  return g[KEY];
}

/** Registers `hook` to run on shutdown; returns a function that removes it. */
export function onShutdown(hook: Hook): () => void {
  hooks().add(hook);
  return () => void hooks().delete(hook);
}

/** Runs every registered hook once (in parallel); failures are logged, never thrown. */
export async function runShutdownHooks(): Promise<void> {
  const all = [...hooks()];
  hooks().clear();
  const results = await Promise.allSettled(all.map((h) => h()));
  for (const r of results) if (r.status === "rejected") console.error("shutdown:", r.reason);
}
