import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

describe('the service boots on its database and reports health', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('is live', async () => {
    await request(testApp.app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
  });

  it('is ready once its database and event store answer', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', eventStore: 'postgres' });
  });
});
