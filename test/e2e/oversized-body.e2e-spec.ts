import { createTestDatabase, TestDatabase } from '../support/test-database';
import { ApiProcess, spawnApi } from '../support/spawn-api';
import { bearer, tokenFor } from '../support/tokens';

/**
 * A body over the limit, sent by Node's own fetch (undici) to the app in a process of its own.
 * inject and supertest never see what breaks here, nor does a server in the test's own process
 * (the two take turns on one event loop): a server that answers and closes while the client is
 * still sending resets the connection, and undici reports EPIPE ("fetch failed") instead of the
 * answer it was sent.
 */
describe('a body over the limit, sent with fetch', () => {
  let database: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await spawnApi({ DATABASE_URL: database.connectionString });
  }, 60_000);
  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
    await database?.drop();
  });

  it('is answered 413 as a problem every time, never a broken connection', async () => {
    const headers = { ...bearer(await tokenFor({ roles: ['admin'] })), 'Content-Type': 'application/json' };
    const body = JSON.stringify({ code: 'HUGE', name: 'x'.repeat(6 * 1024 * 1024) });
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        const response = await fetch(`${api.url}/api/v1/opds`, { method: 'POST', headers, body });
        outcomes.push(`${response.status} ${((await response.json()) as { code?: string }).code}`);
      } catch (error) {
        outcomes.push(`failed: ${(error as { cause?: { code?: string } }).cause?.code ?? String(error)}`);
      }
    }
    expect(outcomes).toEqual(Array(20).fill('413 PAYLOAD_TOO_LARGE'));
  }, 60_000);
});
