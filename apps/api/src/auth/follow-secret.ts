import { createHash, randomBytes, randomInt, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * The pair a reporter follows an anonymous complaint or WBS report with (docs/domain.md,
 * Complaints 1, Whistleblowing 1): a short tracking code anyone may read aloud, and a follow
 * secret of 192 random bits shown once and stored only as an scrypt hash with a salt of its own.
 *
 * A wrong code and a wrong secret must not be told apart, by the answer (both are the same
 * 404) or by the time it takes: `verifyFollowSecret` runs one scrypt and one constant-time
 * comparison whether the report exists or not.
 */

/** No 0/O, 1/I/L, U: nothing read aloud or copied by hand is mistaken for another. */
export const TRACKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 4;
/** Two groups of four: 30^8 ≈ 6.6 · 10^11 codes (39 bits); the secret, not the code, is the proof. */
const TRACKING_CODE = new RegExp(`^[${TRACKING_CODE_ALPHABET}]{${GROUP}}-[${TRACKING_CODE_ALPHABET}]{${GROUP}}$`);
const SECRET_BYTES = 24;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** N = 2^14, r = 8, p = 1: 16 MiB and some tens of milliseconds per hash. */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const SCHEME = 'scrypt';

export type Kdf = (secret: string, salt: Buffer, keyLength: number, options: ScryptOptions) => Promise<Buffer>;

export const scryptKdf: Kdf = (secret, salt, keyLength, options) =>
  new Promise((resolve, reject) =>
    scrypt(secret, salt, keyLength, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );

export function newTrackingCode(): string {
  return trackingCodeOf(Array.from({ length: 2 * GROUP }, () => randomInt(TRACKING_CODE_ALPHABET.length)));
}

/**
 * The tracking code of a request sent with an Idempotency-Key: the same for each of its retries,
 * so a retry finds the first attempt's stream instead of filing a second complaint. A byte
 * modulo 30 is a little biased; the code is a name, not a secret.
 */
export function trackingCodeForRequest(requestId: string): string {
  const digest = createHash('sha256').update(`${requestId}/tracking-code`).digest();
  return trackingCodeOf([...digest.subarray(0, 2 * GROUP)].map((byte) => byte % TRACKING_CODE_ALPHABET.length));
}

function trackingCodeOf(indices: number[]): string {
  const letters = indices.map((index) => TRACKING_CODE_ALPHABET[index]).join('');
  return `${letters.slice(0, GROUP)}-${letters.slice(GROUP)}`;
}

/** A tracking code as typed: case and surrounding blanks do not matter; anything else is no code. */
export function normaliseTrackingCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return TRACKING_CODE.test(code) ? code : null;
}

export const newFollowSecret = (): string => randomBytes(SECRET_BYTES).toString('base64url');

/** `scrypt$N$r$p$salt$hash`, base64url: what the complaint's filing event stores. */
export async function hashFollowSecret(secret: string, kdf: Kdf = scryptKdf): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await kdf(secret, salt, KEY_BYTES, PARAMS);
  return [SCHEME, PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string): { salt: Buffer; key: Buffer; options: ScryptOptions } | null {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== SCHEME || salt === undefined || key === undefined) return null;
  const options = { N: Number(N), r: Number(r), p: Number(p) };
  if (![options.N, options.r, options.p].every(Number.isSafeInteger)) return null;
  const keyBytes = Buffer.from(key, 'base64url');
  return keyBytes.length === KEY_BYTES ? { salt: Buffer.from(salt, 'base64url'), key: keyBytes, options } : null;
}

/**
 * Whether `secret` is the one `stored` was made from. `stored` is null for an unknown tracking
 * code: the same scrypt then runs on a fresh salt and the answer is false, so the two refusals
 * take the same work.
 */
export async function verifyFollowSecret(stored: string | null, secret: string, kdf: Kdf = scryptKdf): Promise<boolean> {
  const parsed = stored === null ? null : parse(stored);
  const expected = parsed?.key ?? randomBytes(KEY_BYTES);
  const actual = await kdf(secret, parsed?.salt ?? randomBytes(SALT_BYTES), KEY_BYTES, parsed?.options ?? PARAMS);
  return timingSafeEqual(actual, expected) && parsed !== null;
}
