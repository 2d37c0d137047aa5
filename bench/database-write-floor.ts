import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { RunSummary, SECONDS } from './http-support';

/**
 * The cheapest durable write the database gives on this machine: one row in its own
 * transaction (BEGIN, INSERT, COMMIT), `concurrency` writers on a pool the size of the API's,
 * for as long as an HTTP case runs. No HTTP, no framework, no event store: what any write that
 * commits before it answers is bounded by, measured in the same run as the HTTP writes.
 */
export async function databaseWriteFloor(connectionString: string, concurrency = 50, poolSize = 10): Promise<RunSummary> {
  const pool = new Pool({ connectionString, max: poolSize });
  try {
    await pool.query('CREATE TABLE IF NOT EXISTS bench_write_floor (id bigserial PRIMARY KEY, writer int NOT NULL, data jsonb NOT NULL)');
    const latencies: number[] = [];
    // This process is the client here: its CPU per write is what the API's would be for it alone.
    const cpuBefore = process.cpuUsage();
    const until = performance.now() + SECONDS * 1000;
    const data = JSON.stringify({ indicatorCode: 'I11', value: 42, reason: 'Koreksi' });
    await Promise.all(
      Array.from({ length: concurrency }, async (_, writer) => {
        while (performance.now() < until) {
          const started = performance.now();
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query('INSERT INTO bench_write_floor (writer, data) VALUES ($1, $2)', [writer, data]);
            await client.query('COMMIT');
          } finally {
            client.release();
          }
          latencies.push(performance.now() - started);
        }
      }),
    );
    const cpu = process.cpuUsage(cpuBefore);
    const cpuUsPerRequest = Math.round((cpu.user + cpu.system) / Math.max(1, latencies.length));
    latencies.sort((a, b) => a - b);
    const at = (share: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))]);
    const summary = {
      name: 'the database alone: one-row transactions (BEGIN, INSERT, COMMIT)',
      rps: Math.round(latencies.length / SECONDS),
      p50: at(0.5),
      p99: at(0.99),
      non2xx: 0,
      cpuUsPerRequest,
    };
    process.stderr.write(`  ${summary.name}: ${summary.rps} tx/s, p50 ${summary.p50} ms, p99 ${summary.p99} ms, client CPU ${cpuUsPerRequest} µs per write\n`);
    return summary;
  } finally {
    await pool.end();
  }
}
