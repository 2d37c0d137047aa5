import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The superuser password of the embedded cluster, generated on first start and kept next to it
 * (readable by the service's user only), so that a restart or `npm run verify` can log in.
 */
export function clusterPassword(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600, flag: 'wx' });
  // The umask may have taken bits away, never added them; this only makes the mode certain.
  chmodSync(file, 0o600);
  return password;
}
