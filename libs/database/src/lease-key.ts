import { createHash } from 'node:crypto';

/** Advisory locks take a bigint; a lease is named by a string, so we hash it into 64 bits. */
export function advisoryLockKey(name: string): string {
  return BigInt.asIntN(64, BigInt('0x' + createHash('sha256').update(name).digest('hex').slice(0, 16))).toString();
}
