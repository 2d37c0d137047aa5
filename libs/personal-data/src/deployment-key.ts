import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { freshIv } from './fresh-iv';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PERSONAL_DATA_KEY: 32 bytes, base64. It wraps every subject's data key and the lookup key
 * (AES-256-GCM); it is never logged, never exported and never stored in the database.
 */
export class DeploymentKey {
  private constructor(private readonly key: Buffer) {}

  static fromBase64(value: string, source = 'PERSONAL_DATA_KEY'): DeploymentKey {
    const key = Buffer.from(value.trim(), 'base64');
    if (key.length !== 32 || key.toString('base64') !== value.trim())
      throw new Error(`Invalid configuration: ${source} must be 32 bytes in base64 (44 characters)`);
    return new DeploymentKey(key);
  }

  static generate(): DeploymentKey {
    return new DeploymentKey(randomBytes(32));
  }

  /** A fingerprint that names the key in wrapped values and errors without revealing it. */
  get id(): string {
    return createHash('sha256').update('kinerja-ledger personal-data key id\n').update(this.key).digest('base64url').slice(0, 8);
  }

  toBase64(): string {
    return this.key.toString('base64');
  }

  /** `kw1:{keyId}:{iv}:{ciphertext}:{tag}`; `label` (the subject id) is bound as AAD. */
  wrap(secret: Buffer, label: string): string {
    const iv = freshIv();
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(`kw1:${label}`));
    const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
    return ['kw1', this.id, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(':');
  }

  unwrap(wrapped: string, label: string): Buffer {
    const [version, keyId, iv, ciphertext, tag] = wrapped.split(':');
    if (version !== 'kw1') throw new WrongDeploymentKeyError(`a wrapped key of unknown version ${version}`);
    if (keyId !== this.id) throw new WrongDeploymentKeyError(`keys wrapped with deployment key ${keyId}, PERSONAL_DATA_KEY is ${this.id}`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(`kw1:${label}`));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    } catch {
      throw new WrongDeploymentKeyError(`a key wrapped with ${keyId} does not open (altered or wrong key)`);
    }
  }
}

export class WrongDeploymentKeyError extends Error {
  constructor(detail: string) {
    super(`PERSONAL_DATA_KEY does not open the personal-data keys of this database: ${detail}`);
  }
}

export const DEPLOYMENT_KEY_FILE = 'personal-data.key';

/**
 * The deployment key as configured: PERSONAL_DATA_KEY when set; in production nothing else;
 * elsewhere the key file under DATA_DIR, generated (0600) on first start, as the embedded
 * PostgreSQL's password is.
 */
export function resolveDeploymentKey(environment: { PERSONAL_DATA_KEY?: string; NODE_ENV: string; DATA_DIR: string }): DeploymentKey {
  if (environment.PERSONAL_DATA_KEY) return DeploymentKey.fromBase64(environment.PERSONAL_DATA_KEY);
  if (environment.NODE_ENV === 'production') throw new Error('Invalid configuration: PERSONAL_DATA_KEY is required when NODE_ENV=production');
  const file = join(environment.DATA_DIR, DEPLOYMENT_KEY_FILE);
  try {
    return DeploymentKey.fromBase64(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = DeploymentKey.generate();
  mkdirSync(environment.DATA_DIR, { recursive: true });
  writeFileSync(file, key.toBase64() + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
