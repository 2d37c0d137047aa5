import { Pool } from 'pg';
import { closedLoopWrites } from './closed-loop-writes';
import { RunSummary } from './http-support';

/**
 * The cheapest durable write the database gives on this machine: one row in its own
 * transaction (BEGIN, INSERT, COMMIT), `concurrency` writers on a pool the size of the API's.
 * No HTTP, no framework, no event store: what a write committed alone before it answers costs.
 */
export async function databaseWriteFloor(connectionString: string, concurrency = 50, poolSize = 10): Promise<RunSummary> {
  const pool = new Pool({ connectionString, max: poolSize });
  try {
    await pool.query('CREATE TABLE IF NOT EXISTS bench_write_floor (id bigserial PRIMARY KEY, writer int NOT NULL, data jsonb NOT NULL)');
    const data = JSON.stringify({ indicatorCode: 'I11', value: 42, reason: 'Koreksi' });
    return await closedLoopWrites('the database alone: one-row transactions (BEGIN, INSERT, COMMIT)', concurrency, async (writer) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('INSERT INTO bench_write_floor (writer, data) VALUES ($1, $2)', [writer, data]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });
  } finally {
    await pool.end();
  }
}
