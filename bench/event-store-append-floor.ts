import { performance } from 'node:perf_hooks';
import { PostgresDatabase } from '@app/database';
import { PostgresEventStore } from '@app/event-store';
import { RunSummary, SECONDS } from './http-support';

/**
 * The event store alone, with no HTTP, decider or projection in front: `concurrency` writers
 * each appending one correction-sized event at a time to a stream of its own, on a pool the size
 * of the API's, for as long as an HTTP case runs. Appends of concurrent writers share a
 * transaction (group commit), so this is above the database's one-row transactions; every
 * write the API answers after its append is bounded by it.
 */
export async function eventStoreAppendFloor(connectionString: string, concurrency = 50, poolSize = 10): Promise<RunSummary> {
  const database = new PostgresDatabase({ connectionString, poolSize, applicationName: 'kl-bench-append-floor' });
  const store = await PostgresEventStore.open(database);
  try {
    const latencies: number[] = [];
    // This process is the client here: its CPU per write is what the API's would be for it alone.
    const cpuBefore = process.cpuUsage();
    const until = performance.now() + SECONDS * 1000;
    const event = () => ({
      type: 'BenchRealisationCorrected',
      data: { quarter: 1, values: [{ indicatorCode: 'I11', value: 42 }], reason: 'Koreksi' },
      metadata: { actor: { sub: 'bench', roles: ['opd_operator'] } },
    });
    await Promise.all(
      Array.from({ length: concurrency }, async (_, writer) => {
        let revision = -1;
        while (performance.now() < until) {
          const started = performance.now();
          const appended = await store.appendToStream(`bench-floor-${writer}`, [event()], { expectedRevision: revision === -1 ? 'no_stream' : revision });
          revision = appended.revision;
          latencies.push(performance.now() - started);
        }
      }),
    );
    const cpu = process.cpuUsage(cpuBefore);
    const cpuUsPerRequest = Math.round((cpu.user + cpu.system) / Math.max(1, latencies.length));
    latencies.sort((a, b) => a - b);
    const at = (share: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))]);
    const summary = {
      name: 'the event store alone: one-event appends, a stream per writer',
      rps: Math.round(latencies.length / SECONDS),
      p50: at(0.5),
      p99: at(0.99),
      non2xx: 0,
      cpuUsPerRequest,
    };
    process.stderr.write(
      `  ${summary.name}: ${summary.rps} appends/s, p50 ${summary.p50} ms, p99 ${summary.p99} ms, client CPU ${cpuUsPerRequest} µs per write\n`,
    );
    return summary;
  } finally {
    await store.close();
    await database.close();
  }
}
