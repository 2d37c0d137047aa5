import { createTestDatabase, TestDatabase } from '../support/test-database';
import { LateTcpProxy } from '../support/late-tcp-proxy';
import { ApiProcess, spawnApi } from '../support/spawn-api';
import { bearer, tokenFor } from '../support/tokens';

/**
 * A database that answers only after the service has started (it boots after us, or is being
 * restarted): the process keeps running, says it is alive but not ready, and serves as soon as
 * the database answers.
 */
describe('starting before the database answers', () => {
  let database: TestDatabase;
  let proxy: LateTcpProxy;
  let api: ApiProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    const real = new URL(database.connectionString);
    proxy = await LateTcpProxy.reserve({ host: real.hostname, port: Number(real.port || 5432) });
    const late = new URL(database.connectionString);
    late.hostname = '127.0.0.1';
    late.port = String(proxy.port);
    api = await spawnApi({ DATABASE_URL: late.toString(), LOG_LEVEL: 'info' }, { until: 'waiting' });
  }, 60_000);
  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
    await proxy?.close();
    await database?.drop();
  });

  it('stays up: live, not ready (503 with Retry-After), other requests 503 problems', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(api.child.exitCode).toBeNull();
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${api.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('5');
    expect(await ready.json()).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
    const other = await fetch(`${api.url}/api/v1/opds`);
    expect(other.status).toBe(503);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('logs its retries as JSON lines, without the connection string', () => {
    const lines = api
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    const retries = lines.map((line) => JSON.parse(line) as { msg: string; attempt?: number }).filter((line) => /retrying/.test(line.msg));
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(api.output()).not.toContain(String(proxy.port) + '/');
  });

  it('serves as soon as the database answers, migrations run', async () => {
    await proxy.open();
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = await fetch(`${api.url}/health/ready`).then(
        (response) => response.status,
        () => 0,
      );
    }
    expect(status).toBe(200);
    const admin = bearer(await tokenFor({ roles: ['admin'] }));
    const response = await fetch(`${api.url}/api/v1/opds`, {
      method: 'POST',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'DINKES', name: 'Dinas Kesehatan' }),
    });
    expect(response.status).toBe(201);
  }, 40_000);
});
