import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory of a process and everything it spawned (the API and its embedded postgres), in MB.
 * `rss` sums every process's resident set, so pages they share (postgres's shared buffers) are
 * counted once per process that touched them; `pss` divides shared pages among their sharers,
 * so it adds up to what the tree really takes. Linux only (/proc).
 */
export function treeMemory(root: number): { rss: number; pss: number; processes: number } {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let rss = 0;
  let pss = 0;
  let processes = 0;
  for (const queue = [root]; queue.length > 0;) {
    const pid = queue.pop()!;
    queue.push(...(children.get(pid) ?? []));
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rss += kilobytes(rollup, 'Rss');
      pss += kilobytes(rollup, 'Pss');
      processes++;
    } catch {
      // gone meanwhile
    }
  }
  return { rss: Math.round(rss / 1024), pss: Math.round(pss / 1024), processes };
}

function kilobytes(rollup: string, field: string): number {
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
}
