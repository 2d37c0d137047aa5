import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

const METRICS_TOKEN = 'scrape-'.padEnd(40, 'x');

/** /metrics is not for the public port's callers: a scrape token, or nothing in production. */
describe('who may scrape /metrics', () => {
  describe('with METRICS_TOKEN set', () => {
    let testApp: TestApp;
    beforeAll(async () => {
      testApp = await startTestApp({ METRICS_TOKEN });
    });
    afterAll(async () => {
      await testApp.close();
    });

    it.each([
      ['no token', {}],
      ['another token', { Authorization: `Bearer ${METRICS_TOKEN}y` }],
      ['the token without the scheme', { Authorization: METRICS_TOKEN }],
    ])('answers 401 to %s, as a problem', async (_what, headers) => {
      const response = await request(testApp.app.getHttpServer()).get('/metrics').set(headers).expect(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.text).not.toMatch(/kl_http/);
    });

    it('answers the scrape with the token', async () => {
      const response = await request(testApp.app.getHttpServer()).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
      expect(response.text).toMatch(/kl_http_requests_total/);
    });
  });

  describe('in production without METRICS_TOKEN', () => {
    let testApp: TestApp;
    beforeAll(async () => {
      testApp = await startTestApp({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'production-secret-'.padEnd(40, 'p') });
    });
    afterAll(async () => {
      await testApp.close();
    });

    it('answers 404, as if there were no such endpoint', async () => {
      const response = await request(testApp.app.getHttpServer()).get('/metrics').expect(404);
      expect(response.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    });
  });
});
