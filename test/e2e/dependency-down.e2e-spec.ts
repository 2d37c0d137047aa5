import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { bearer, tokenFor } from '../support/tokens';

describe('when the database is unreachable', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ PROJECTIONS_INLINE: 'false' });
    await testApp.app.get<Database>(DATABASE).close();
  });
  afterAll(async () => {
    // The database is already gone; closing the app may complain about it.
    await testApp.close().catch(() => undefined);
  });

  it('is not ready: 503 as a problem naming the failed check', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/health/ready').expect(503);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 503, code: 'UNAVAILABLE', checks: { database: { status: 'down' } } });
  });

  it('answers other requests 503 UNAVAILABLE, revealing nothing of the failure', async () => {
    const token = bearer(await tokenFor({ roles: ['admin'] }));
    const response = await request(testApp.app.getHttpServer()).get('/api/v1/opds').set(token).expect(503);
    expect(response.body.code).toBe('UNAVAILABLE');
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(response.body)).not.toMatch(/pool|SELECT|127\.0\.0\.1|stack|at .*\.(js|ts)/i);
  });

  it('is still live', async () => {
    await request(testApp.app.getHttpServer()).get('/health/live').expect(200);
  });
});
