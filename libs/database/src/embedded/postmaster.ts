import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** What postgres writes to `postmaster.pid` while it runs: its pid (line 1) and port (line 4). */
export interface PostmasterFile {
  pid: number;
  port: number;
}

export function readPostmasterFile(clusterDir: string): PostmasterFile | undefined {
  let text: string;
  try {
    text = readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port } : undefined;
}

/** A pid file whose process is not postgres (a reused pid after a crash) makes postgres refuse to start. */
export function removePostmasterFile(clusterDir: string): void {
  rmSync(join(clusterDir, 'postmaster.pid'), { force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal (postgres runs as another user under root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A process killed with -9 stays a zombie until its parent reaps it, and a container's pid 1
  // may take its time: kill(pid, 0) still succeeds on it.
  return procStat(pid)?.state !== 'Z';
}

/** The parent of `pid`; undefined where /proc cannot tell (not Linux). */
export function parentPid(pid: number): number | undefined {
  return procStat(pid)?.ppid;
}

function procStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    // "pid (comm) state ppid …"; comm may hold spaces and parentheses, so split after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

/** Whether `pid` is a postgres process; undefined where /proc cannot tell (not Linux). */
export function isPostgresProcess(pid: number): boolean | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0].endsWith('postgres');
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops a postmaster that is not our child (left running by a process killed with -9): SIGINT
 * is postgres's fast shutdown (sessions ended, a checkpoint written); if it has not exited after
 * `timeoutMs`, SIGQUIT (immediate shutdown; the next start recovers from the WAL).
 */
export async function stopPostmaster(pid: number, timeoutMs = 30000): Promise<void> {
  for (const [signal, wait] of [
    ['SIGINT', timeoutMs],
    ['SIGQUIT', 5000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (const deadline = Date.now() + wait; Date.now() < deadline; await sleep(100)) {
      if (!isAlive(pid)) return;
    }
  }
  throw new Error(`the embedded postgres (pid ${pid}) did not stop`);
}
