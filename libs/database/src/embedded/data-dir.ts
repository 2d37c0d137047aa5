import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** DATA_DIR cannot hold the embedded cluster: the message names the setting and the fix. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

/** Deeper than any real path; a bound, so that no file system can keep the walk going. */
const MAX_DEPTH = 256;

/**
 * Creates DATA_DIR and its missing parents one level at a time. Node's recursive mkdir never
 * returns on a path under /proc (mkdir answers ENOENT for a parent that exists, and it tries
 * again for ever); this walk is bounded, and whatever refuses names DATA_DIR.
 */
export function makeDataDir(dataDir: string): string {
  const target = resolve(dataDir);
  const missing: string[] = [];
  for (let dir = target, depth = 0; depth < MAX_DEPTH; dir = dirname(dir), depth++) {
    const kind = kindOf(dir);
    if (kind === 'directory') break;
    if (kind === 'other') throw refusal(dataDir, `${dir} exists and is not a folder`);
    missing.unshift(dir);
    if (dir === dirname(dir)) break;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && kindOf(dir) === 'directory') continue;
      throw refusal(dataDir, `cannot create ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  try {
    accessSync(target, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw refusal(dataDir, `cannot write to ${target} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return target;
}

function kindOf(path: string): 'directory' | 'other' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}

function refusal(dataDir: string, why: string): DataDirError {
  return new DataDirError(
    `DATA_DIR=${dataDir} cannot hold the embedded database: ${why}. Set DATA_DIR to a folder this user can create and write (the default is ./data), or set DATABASE_URL to use a PostgreSQL server`,
  );
}
