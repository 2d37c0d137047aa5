import { validateEnvironment } from '@app/config';
import { tokenFor } from '../../../../test/support/tokens';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

describe('the token verifier', () => {
  const verifier = () => new TokenVerifier(validateEnvironment({}));
  afterEach(() => jest.useRealTimers());

  it('accepts a token it verified before only until the token expires', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T01:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const tokens = verifier();
    const token = await tokenFor({ roles: ['inspector'] }, { expiresIn: '30s' });
    expect(await tokens.verify(token)).toMatchObject({ roles: ['inspector'] });
    jest.setSystemTime(new Date('2026-12-02T01:00:20Z'));
    expect(await tokens.verify(token)).toMatchObject({ roles: ['inspector'] });
    jest.setSystemTime(new Date('2026-12-02T01:00:31Z'));
    await expect(tokens.verify(token)).rejects.toThrow(InvalidTokenError);
  });

  it('checks every other string anew: a token changed after one was accepted is refused', async () => {
    const tokens = verifier();
    const token = await tokenFor({ roles: ['inspector'] });
    await tokens.verify(token);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url'), signature].join('.');
    await expect(tokens.verify(forged)).rejects.toThrow(InvalidTokenError);
  });

  it('hands every request the same principal, which none of them can change', async () => {
    const tokens = verifier();
    const token = await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' });
    const first = await tokens.verify(token);
    expect(() => (first.roles as string[]).push('admin')).toThrow(TypeError);
    expect(await tokens.verify(token)).toEqual({ sub: expect.any(String), roles: ['opd_operator'], opd: 'DINKES' });
  });
});
