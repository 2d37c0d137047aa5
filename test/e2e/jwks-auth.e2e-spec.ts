import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { bearer } from '../support/tokens';

/** An OIDC provider's tokens (RS256, keys from its JWKS endpoint), as Keycloak would issue them. */
describe('RS256 tokens from AUTH_JWKS_URL', () => {
  let keyServer: Server;
  let testApp: TestApp;
  let sign: (claims: Record<string, unknown>, kid?: string) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'provider-key-1', alg: 'RS256', use: 'sig' };
    keyServer = createServer((_request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
    const { port } = keyServer.address() as AddressInfo;
    sign = (claims, kid = 'provider-key-1') =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).setSubject('keycloak-user-7').setExpirationTime('5m').sign(privateKey);
    testApp = await startTestApp({ AUTH_JWKS_URL: `http://127.0.0.1:${port}/realms/pemda/protocol/openid-connect/certs` });
  });
  afterAll(async () => {
    await testApp.close();
    await new Promise((resolve) => keyServer.close(resolve));
  });

  it('accepts a token signed by a key of the set, and records its subject as the actor', async () => {
    const token = await sign({ roles: ['admin'], name: 'Operator Keycloak' });
    await request(testApp.app.getHttpServer()).post('/api/v1/opds').set(bearer(token)).send({ code: 'KC-1', name: 'Dari Keycloak' }).expect(201);
  });

  it('refuses a token signed by a key that is not in the set', async () => {
    const { privateKey: stranger } = await generateKeyPair('RS256');
    const token = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'provider-key-1' })
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(stranger);
    const response = await request(testApp.app.getHttpServer()).get('/api/v1/opds').set(bearer(token)).expect(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });
});
