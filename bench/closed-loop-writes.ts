import { performance } from 'node:perf_hooks';
import { RunSummary, SECONDS } from './http-support';

/**
 * `concurrency` writers, each calling `write` again as soon as it returns, for as long as an
 * HTTP case runs; in this process, with no HTTP in front. This process is the client, so its
 * CPU per write is what the API would spend on that write alone.
 */
export async function closedLoopWrites(name: string, concurrency: number, write: (writer: number) => Promise<void>): Promise<RunSummary> {
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, writer) => {
      while (performance.now() < until) {
        const started = performance.now();
        await write(writer);
        latencies.push(performance.now() - started);
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  const at = (share: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))]);
  const summary: RunSummary = {
    name,
    rps: Math.round(latencies.length / SECONDS),
    p50: at(0.5),
    p99: at(0.99),
    non2xx: 0,
    cpuUsPerRequest: Math.round((cpu.user + cpu.system) / Math.max(1, latencies.length)),
  };
  process.stderr.write(
    `  ${name}: ${summary.rps} writes/s, p50 ${summary.p50} ms, p99 ${summary.p99} ms, client CPU ${summary.cpuUsPerRequest} µs per write\n`,
  );
  return summary;
}
