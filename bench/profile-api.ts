/**
 * CPU profiles of the built API under load, on a database already loaded and projected (for
 * instance one kept by BENCH_SCALE_KEEP=1 npm run bench:scale):
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/profile-api.ts <database-url> [seconds]
 *
 * For each case (GET of a plan; a correction of a reported quarter) the API runs in a process
 * of its own under `node --cpu-prof`, autocannon loads it at 20 connections, and the API is
 * stopped, which writes the profile; then the functions with the most self time are printed.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { tokenFor } from '../test/support/tokens';
import { Profile, summarise } from './cpuprofile-summary';
import { freePort, run, start, stop } from './http-support';

const OPDS = 40;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const CONNECTIONS = 20;

const opdCode = (i: number) => `OPD-${String(i).padStart(2, '0')}`;
const values = (seed: number) => ['I11', 'I12', 'I13'].map((indicatorCode, k) => ({ indicatorCode, value: 50 + ((seed * 7 + k * 13) % 50) }));

async function profile(databaseUrl: string, name: string, seconds: number, request: (operators: string[]) => autocannon.Request): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'kl-profile-'));
  const port = await freePort();
  const api = await start(
    'dist/apps/api/src/main.js',
    port,
    { DATABASE_URL: databaseUrl, PROJECTIONS_INLINE: 'true', LOG_LEVEL: 'warn', NODE_ENV: 'development', HOST: '127.0.0.1' },
    ['--cpu-prof', `--cpu-prof-dir=${directory}`],
  );
  try {
    const operators: string[] = [];
    for (let o = 0; o < OPDS; o++) operators.push(`Bearer ${await tokenFor({ roles: ['opd_operator'], opd: opdCode(o) }, { expiresIn: '2h' })}`);
    await run(name, { url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: seconds, requests: [request(operators)] });
  } finally {
    await stop(api);
  }
  const file = readdirSync(directory).find((entry) => entry.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile in ${directory}`);
  console.log(`\n${name} (${join(directory, file)}), self time:`);
  for (const row of summarise(JSON.parse(readFileSync(join(directory, file), 'utf8')) as Profile, 30)) {
    console.log(`${String(row.share).padStart(5)} %  ${String(row.selfMs).padStart(7)} ms  ${row.name}`);
  }
}

async function main(): Promise<void> {
  const [databaseUrl, secondsArgument] = process.argv.slice(2);
  if (!databaseUrl) throw new Error('usage: profile-api.ts <database-url> [seconds]');
  const seconds = Number(secondsArgument ?? 20);
  let reads = 0;
  await profile(databaseUrl, 'GET /api/v1/opds/{code}/plans/{year}', seconds, (operators) => ({
    method: 'GET',
    setupRequest: (request) => {
      const k = (reads++ * 37) % (OPDS * YEARS.length);
      return { ...request, headers: { Authorization: operators[k % OPDS] }, path: `/api/v1/opds/${opdCode(k % OPDS)}/plans/${YEARS[Math.floor(k / OPDS)]}` };
    },
  }));
  let corrections = 0;
  await profile(databaseUrl, 'POST …/realisations/{q}/corrections', seconds, (operators) => ({
    method: 'POST',
    setupRequest: (request) => {
      const n = corrections++;
      const o = n % OPDS;
      const year = YEARS[Math.floor(n / OPDS) % YEARS.length];
      const quarter = (Math.floor(n / (OPDS * YEARS.length)) % 4) + 1;
      return {
        ...request,
        headers: { Authorization: operators[o], 'Content-Type': 'application/json' },
        path: `/api/v1/opds/${opdCode(o)}/plans/${year}/realisations/${quarter}/corrections`,
        body: JSON.stringify({ reason: 'Koreksi data', values: values(n) }),
      };
    },
  }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
