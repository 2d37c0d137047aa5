/**
 * `npm start` builds only when a source is newer than the last build: tsc takes 12 s or more
 * and a second start with nothing changed needs none of it. A fresh clone (no dist/) builds.
 * The stamp is written after a build that succeeded, so a failed build is tried again.
 */
const { spawnSync } = require('node:child_process');
const { readdirSync, statSync, writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const STAMP = join(ROOT, 'dist', '.build-stamp');
const SOURCES = ['apps', 'libs', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a file removed or renamed changes its folder
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const built = newest(STAMP);
const changed = Math.max(...SOURCES.map((source) => newest(join(ROOT, source))));
if (built > 0 && built >= changed) {
  console.error('build: dist/ is newer than every source, not rebuilding (npm run build forces it)');
  process.exit(0);
}
const result = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
mkdirSync(join(ROOT, 'dist'), { recursive: true });
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
