import {
  hashFollowSecret,
  Kdf,
  newFollowSecret,
  newTrackingCode,
  normaliseTrackingCode,
  scryptKdf,
  TRACKING_CODE_ALPHABET,
  verifyFollowSecret,
} from './follow-secret';

/** The real scrypt, counted: how many times a verification ran it. */
const counting = () => {
  const calls: Array<{ N: number | undefined }> = [];
  const kdf: Kdf = (secret, salt, length, options) => {
    calls.push({ N: options.N });
    return scryptKdf(secret, salt, length, options);
  };
  return { kdf, calls };
};

describe('follow secret', () => {
  it('makes short tracking codes from an unambiguous alphabet, each different', () => {
    const codes = Array.from({ length: 200 }, newTrackingCode);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect([...code.replace('-', '')].every((c) => TRACKING_CODE_ALPHABET.includes(c))).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(TRACKING_CODE_ALPHABET).not.toMatch(/[01OILU]/);
  });

  it('reads a typed tracking code in any case, and refuses what is not one', () => {
    expect(normaliseTrackingCode(' k7m2-qx9p ')).toBe('K7M2-QX9P');
    expect(normaliseTrackingCode('K7M2-QX9O')).toBeNull();
    expect(normaliseTrackingCode('K7M2QX9P')).toBeNull();
    expect(normaliseTrackingCode("' OR 1=1 --")).toBeNull();
  });

  it('makes follow secrets of at least 128 random bits, each different', () => {
    const secrets = Array.from({ length: 50 }, newFollowSecret);
    for (const secret of secrets) expect(Buffer.from(secret, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(new Set(secrets).size).toBe(secrets.length);
  });

  it('stores only a salted scrypt hash: the secret is not in it, and two hashes of one secret differ', async () => {
    const secret = newFollowSecret();
    const [first, second] = await Promise.all([hashFollowSecret(secret), hashFollowSecret(secret)]);
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(first).not.toContain(secret);
    expect(first).not.toBe(second);
  });

  it('accepts the right secret and refuses a wrong one', async () => {
    const secret = newFollowSecret();
    const stored = await hashFollowSecret(secret);
    await expect(verifyFollowSecret(stored, secret)).resolves.toBe(true);
    await expect(verifyFollowSecret(stored, newFollowSecret())).resolves.toBe(false);
    await expect(verifyFollowSecret(stored, '')).resolves.toBe(false);
  });

  it('runs the same one scrypt for an unknown code as for a wrong secret, and refuses both', async () => {
    const stored = await hashFollowSecret(newFollowSecret());
    const wrongSecret = counting();
    const unknownCode = counting();
    await expect(verifyFollowSecret(stored, 'guess', wrongSecret.kdf)).resolves.toBe(false);
    await expect(verifyFollowSecret(null, 'guess', unknownCode.kdf)).resolves.toBe(false);
    expect(wrongSecret.calls).toEqual([{ N: 16384 }]);
    expect(unknownCode.calls).toEqual(wrongSecret.calls);
  });

  it('refuses against a stored value that is not a hash it made, after the same work', async () => {
    const run = counting();
    await expect(verifyFollowSecret('plain-text-secret', 'plain-text-secret', run.kdf)).resolves.toBe(false);
    expect(run.calls).toEqual([{ N: 16384 }]);
  });
});
