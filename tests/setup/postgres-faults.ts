// Faults of a running PostgreSQL, as an operator or a broken host would cause them: a stop
// (the postmaster shuts down, fast mode) and a freeze (SIGSTOP: the server holds its sockets
// open and answers nothing, as a hung VM or a stalled disk does).
import fs from "node:fs";
import path from "node:path";

/** The postmaster's pid, from the first line of postmaster.pid in the data folder. */
export function postmasterPid(dataDir: string): number {
  const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no postmaster pid in ${dataDir}`);
  return pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Children of `pid` (read from /proc): the backends and background workers of a postmaster. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid ...: comm may hold spaces, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** Fast shutdown (SIGINT to the postmaster: open sessions are ended); resolves once it is gone. */
export async function stopPostgres(dataDir: string, timeoutMs = 30_000): Promise<void> {
  const pid = postmasterPid(dataDir);
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) did not stop within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Freezes the server: SIGSTOP to the postmaster AND every backend. Stopping the postmaster
 * alone would leave the backends of already pooled connections answering (they are separate
 * processes), so only new connections would hang. Returns the function that thaws it.
 */
export function freezePostgres(dataDir: string): () => void {
  const pid = postmasterPid(dataDir);
  process.kill(pid, "SIGSTOP");
  // Once the postmaster is stopped it forks no new backends, so this list is complete.
  const children = childrenOf(pid);
  for (const child of children) process.kill(child, "SIGSTOP");
  let thawed = false;
  return () => {
    if (thawed) return;
    thawed = true;
    for (const child of children) if (alive(child)) process.kill(child, "SIGCONT");
    process.kill(pid, "SIGCONT");
  };
}
