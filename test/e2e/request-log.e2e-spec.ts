import { createTestDatabase, TestDatabase } from '../support/test-database';
import { ApiProcess, spawnApi } from '../support/spawn-api';
import { bearer, tokenFor } from '../support/tokens';

const NIP = '198001012005011001';

/** The request log at info level: one line per answer, with the request id, and no NIP, token or body. */
describe('the request log', () => {
  let database: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await spawnApi({ DATABASE_URL: database.connectionString, LOG_LEVEL: 'info' });
  }, 60_000);
  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
    await database?.drop();
  });

  it('carries the request id, the method, the path with NIPs masked and the status', async () => {
    const token = await tokenFor({ roles: ['inspector'] });
    const response = await fetch(`${api.url}/api/v1/skp/${NIP}/2025`, { headers: { ...bearer(token), 'X-Request-Id': 'trace-log-1' } });
    expect(response.status).toBe(404);
    let line: { req: { id: string; method: string; url: string }; res: { statusCode: number }; responseTime: number; msg: string } | undefined;
    for (let attempt = 0; attempt < 50 && !line; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const found = api
        .output()
        .split('\n')
        .find((candidate) => candidate.includes('"trace-log-1"'));
      if (found) line = JSON.parse(found) as typeof line;
    }
    expect(line).toMatchObject({
      req: { id: 'trace-log-1', method: 'GET', url: '/api/v1/skp/[nip]/2025' },
      res: { statusCode: 404 },
      msg: 'request completed',
    });
    expect(typeof line?.responseTime).toBe('number');
    expect(api.output()).not.toContain(NIP);
    expect(api.output()).not.toContain(token);
  });
});
