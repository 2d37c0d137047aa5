import { randomFillSync } from 'node:crypto';

const IV_BYTES = 12;
/** IVs drawn from the system's CSPRNG 256 at a time: a draw per seal was ~15 µs, mostly the call. */
const pool = Buffer.alloc(IV_BYTES * 256);
let next = pool.length;

/**
 * A random 96-bit IV for AES-256-GCM, which needs IVs that never repeat under one key (random
 * ones do not, with overwhelming odds), not IVs nobody could predict. A copy: the pool is
 * refilled in place.
 */
export function freshIv(): Buffer {
  if (next + IV_BYTES > pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const iv = Buffer.from(pool.subarray(next, next + IV_BYTES));
  next += IV_BYTES;
  return iv;
}
