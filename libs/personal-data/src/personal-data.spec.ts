import { DeploymentKey, resolveDeploymentKey, WrongDeploymentKeyError } from './deployment-key';
import { isEnvelope, open, seal, subjectOf } from './envelope';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';

describe('envelopes', () => {
  const subject = randomUUID();
  const key = randomBytes(32);

  it('seals a value under the subject key, names the subject, and opens only with that key', () => {
    const envelope = seal(subject, key, '198001012005011001');
    expect(isEnvelope(envelope)).toBe(true);
    expect(envelope).not.toContain('198001012005011001');
    expect(subjectOf(envelope)).toBe(subject);
    expect(open(envelope, key)).toBe('198001012005011001');
    expect(() => open(envelope, randomBytes(32))).toThrow();
  });

  it('never seals two values under the same IV, across refills of the IV pool, and opens every one', () => {
    const envelopes = Array.from({ length: 1000 }, (_, n) => seal(subject, key, `Pegawai ${n}`));
    expect(new Set(envelopes.map((envelope) => envelope.split(':')[2])).size).toBe(1000);
    expect(envelopes.map((envelope) => open(envelope, key))).toEqual(Array.from({ length: 1000 }, (_, n) => `Pegawai ${n}`));
  });

  it('cannot be relabelled to another subject', () => {
    const envelope = seal(subject, key, 'Siti');
    expect(() => open(envelope.replace(subject, randomUUID()), key)).toThrow();
  });

  it('takes a NIP in clear for no envelope', () => {
    expect(isEnvelope('198001012005011001')).toBe(false);
    expect(() => subjectOf('198001012005011001')).toThrow();
  });
});

describe('the deployment key', () => {
  it('wraps a data key that only it unwraps, naming a wrong key by its id and never its value', () => {
    const right = DeploymentKey.generate();
    const wrong = DeploymentKey.generate();
    const dataKey = randomBytes(32);
    const wrapped = right.wrap(dataKey, 's-1');
    expect(right.unwrap(wrapped, 's-1')).toEqual(dataKey);
    expect(() => right.unwrap(wrapped, 's-2')).toThrow(WrongDeploymentKeyError);
    expect(() => wrong.unwrap(wrapped, 's-1')).toThrow(/PERSONAL_DATA_KEY does not open/);
    try {
      wrong.unwrap(wrapped, 's-1');
    } catch (error) {
      expect((error as Error).message).not.toContain(wrong.toBase64());
      expect((error as Error).message).not.toContain(right.toBase64());
    }
  });

  it('is refused unless it is 32 bytes of base64', () => {
    expect(() => DeploymentKey.fromBase64(Buffer.alloc(16).toString('base64'))).toThrow(/PERSONAL_DATA_KEY must be 32 bytes/);
  });

  it('is required in production and generated once (0600) under DATA_DIR elsewhere', () => {
    expect(() => resolveDeploymentKey({ NODE_ENV: 'production', DATA_DIR: '/nonexistent' })).toThrow(/PERSONAL_DATA_KEY is required/);
    const dataDir = mkdtempSync(join(tmpdir(), 'kl-pd-'));
    const first = resolveDeploymentKey({ NODE_ENV: 'development', DATA_DIR: dataDir });
    const file = join(dataDir, 'personal-data.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toBase64());
    expect(resolveDeploymentKey({ NODE_ENV: 'development', DATA_DIR: dataDir }).id).toBe(first.id);
  });
});
