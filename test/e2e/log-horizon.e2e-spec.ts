import { Client } from 'pg';
import { ApiProcess, spawnApi } from '../support/spawn-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const BOUND_SECONDS = 1;
const HELD_TABLE = 'held_by_log_horizon_test';

interface Ready {
  status: string;
  details: { logHorizon: { status: string; boundSeconds: number; warning?: string; blocking?: { pid: number; database: string; ageSeconds: number } } };
}

/**
 * The event log is read below the server's oldest running transaction id, so a transaction
 * left open in another database of the same server holds back every projection of this one.
 * The API names it in /health/ready, in /metrics and in its log, and stops naming it when it ends.
 */
describe('a transaction held open in another database of the same server', () => {
  let database: TestDatabase;
  let other: TestDatabase;
  let api: ApiProcess;
  let holder: Client | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    other = await createTestDatabase();
    api = await spawnApi({ DATABASE_URL: database.connectionString, LOG_LEVEL: 'info', LOG_HORIZON_WARN_SECONDS: String(BOUND_SECONDS) });
  }, 60_000);
  afterAll(async () => {
    await holder?.end();
    api?.child.kill('SIGTERM');
    await api?.exited;
    await database?.drop();
    await other?.drop();
  });

  const ready = async () => {
    const response = await fetch(`${api.url}/health/ready`);
    return { status: response.status, body: (await response.json()) as Ready };
  };
  const horizonAge = async () => Number(/^kl_event_log_horizon_age_seconds (\S+)$/m.exec(await (await fetch(`${api.url}/metrics`)).text())?.[1]);
  const logLines = () =>
    api
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; level: number; horizon?: Record<string, unknown> });
  async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 30): Promise<T> {
    for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline;) {
      const found = await probe();
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`waited ${seconds} s for ${what}`);
  }

  it('is named by pid, database and age in readiness, the metric and a warning, and cleared when it ends', async () => {
    // The server is shared with other test runs: start from a horizon nobody holds back.
    await until('a horizon nobody holds back', async () => ((await ready()).body.details.logHorizon.blocking ? undefined : true), 60);

    holder = new Client({ connectionString: other.connectionString, application_name: 'log-horizon-test' });
    await holder.connect();
    const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const pid = rows[0].pid;
    const otherName = new URL(other.connectionString).pathname.slice(1);
    // A write gives the transaction an id, which is what holds the snapshot's xmin back.
    await holder.query('BEGIN');
    await holder.query(`CREATE TABLE ${HELD_TABLE} (n int)`);
    await holder.query(`INSERT INTO ${HELD_TABLE} VALUES (1)`);

    const stalled = await until('readiness to name the held transaction', async () => {
      const answer = await ready();
      return answer.body.details.logHorizon.blocking?.pid === pid ? answer : undefined;
    });
    expect(stalled.status).toBe(200);
    expect(stalled.body.status).toBe('ok');
    expect(stalled.body.details.logHorizon).toEqual({
      status: 'up',
      boundSeconds: BOUND_SECONDS,
      warning: expect.stringContaining('projections'),
      blocking: { pid, database: otherName, ageSeconds: expect.any(Number) },
    });
    expect(stalled.body.details.logHorizon.blocking!.ageSeconds).toBeGreaterThanOrEqual(BOUND_SECONDS);
    expect(await horizonAge()).toBeGreaterThanOrEqual(BOUND_SECONDS);

    const warning = await until('the warning in the log', async () => logLines().find((line) => line.horizon?.blockingPid === pid && line.level === 40));
    expect(warning.horizon).toEqual({ blockingPid: pid, database: otherName, ageSeconds: expect.any(Number), boundSeconds: BOUND_SECONDS });
    expect(api.output()).not.toContain(HELD_TABLE);
    expect(api.output()).not.toContain('log-horizon-test');

    await holder.query('COMMIT');
    // Another test run's transaction may be the oldest by then: what must go is this one.
    await until('readiness to stop naming it', async () => ((await ready()).body.details.logHorizon.blocking?.pid === pid ? undefined : true));
    await until('the metric to fall below the bound', async () => ((await horizonAge()) < BOUND_SECONDS ? true : undefined));
    await until('the release in the log', async () =>
      logLines().find((line) => line.msg === 'event log horizon released' && line.horizon?.blockingPid === pid),
    );
  }, 120_000);
});
