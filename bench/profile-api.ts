/**
 * CPU profiles of the built API under load (npm run build first):
 *
 *   npm run bench:profile -- [<database-url>] [seconds]
 *   npm run bench:profile -- skp [seconds]
 *   npm run bench:profile -- sized [seconds]
 *   npm run bench:profile -- long [seconds]
 *
 * With a database already loaded and projected (for instance one kept by BENCH_SCALE_KEEP=1 npm
 * run bench:scale), it profiles a GET of a plan and corrections of reported quarters across
 * its five years. Without one, it creates a scratch database on BENCH_DATABASE_URL's server,
 * records 40 units with an approved plan and a reported first quarter through the API, profiles
 * corrections of those quarters only, and drops the database. `sized` does the same with plans of
 * ten indicators and corrections of all ten with evidence and a note: bench:http's SKP-sized write.
 * `long` profiles that write on plans that have had 2,000 one-value corrections each first, as
 * bench:http's earlier cases leave them on a fast machine.
 *
 * For each case the API runs in a process of its own under `node --cpu-prof`, autocannon loads
 * it at 20 connections, and the API is stopped, which writes the profile; then the functions
 * with the most self time are printed, and for the write the same time grouped into the phases
 * of a write (bench/profile-phases.ts). Timing figures are only worth reading on a quiet machine.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { tokenFor } from '../test/support/tokens';
import { Profile, summarise } from './cpuprofile-summary';
import { freePort, run, SERVER, start, stop } from './http-support';
import { PhaseProfile, summariseByPhase } from './profile-phases';
import { SKP_APPRAISER, SKP_COUNT, SKP_YEAR, seedSkps, skpNip } from './skp-http-cases';

const OPDS = 40;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const CONNECTIONS = 20;
const INDICATORS = ['I11', 'I12', 'I13'];
/** bench:http's SKP-sized write: two goals of five indicators, every value with evidence and a note. */
const SIZED_GOALS = [
  ['I11', 'I12', 'I13', 'I14', 'I15'],
  ['I21', 'I22', 'I23', 'I24', 'I25'],
];
/** A fresh key per run: the profiled API must start, and no key file is written under the checkout. */
const PERSONAL_DATA_KEY = randomBytes(32).toString('base64');

const opdCode = (i: number) => `OPD-${String(i).padStart(2, '0')}`;
const values = (seed: number) => INDICATORS.map((indicatorCode, k) => ({ indicatorCode, value: 50 + ((seed * 7 + k * 13) % 50) }));
const sizedValues = (seed: number) =>
  SIZED_GOALS.flat().map((indicatorCode, k) => ({
    indicatorCode,
    value: (seed + k) % 90,
    evidenceUrl: `https://dokumen.example.go.id/bukti/${seed}/${k}.pdf`,
    note: 'Realisasi sesuai laporan kegiatan bulanan dan bukti dukung terlampir',
  }));

/** What a plan holds and what each correction sends. */
interface Shape {
  goals: string[][];
  values(seed: number): object[];
}
const THREE_VALUES: Shape = { goals: [INDICATORS], values };
const SKP_SIZED: Shape = { goals: SIZED_GOALS, values: sizedValues };
/** A one-value correction of a plan seeded SKP_SIZED: what `long` lengthens its plans with. */
const ONE_VALUE: Shape = { goals: SIZED_GOALS, values: (seed) => [{ indicatorCode: SIZED_GOALS[0][seed % 5], value: seed % 90 }] };

/** Which reported quarters the corrections go to. */
interface Quarters {
  years: number[];
  quarters: number;
}

async function profile(
  databaseUrl: string,
  name: string,
  seconds: number,
  request: (operators: string[]) => autocannon.Request,
  phases = false,
): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'kl-profile-'));
  const operators = await operatorTokens();
  await withApi(databaseUrl, (url) => run(name, { url, connections: CONNECTIONS, duration: seconds, requests: [request(operators)] }), [
    '--cpu-prof',
    `--cpu-prof-dir=${directory}`,
  ]);
  const file = readdirSync(directory).find((entry) => entry.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile in ${directory}`);
  const cpuProfile = JSON.parse(readFileSync(join(directory, file), 'utf8')) as Profile & PhaseProfile;
  console.log(`\n${name} (${join(directory, file)}), self time:`);
  for (const row of summarise(cpuProfile, 30)) {
    console.log(`${String(row.share).padStart(5)} %  ${String(row.selfMs).padStart(7)} ms  ${row.name}`);
  }
  if (!phases) return;
  console.log(`\n${name}, self time by phase (share of the busy samples):`);
  for (const row of summariseByPhase(cpuProfile)) {
    console.log(`${String(row.share).padStart(5)} %  ${String(row.selfMs).padStart(7)} ms  ${row.phase}`);
    for (const item of row.top) console.log(`             ${String(item.selfMs).padStart(7)} ms  ${item.name}`);
  }
}

/** 40 units, each with an approved plan for the last of `YEARS` and its first quarter reported, recorded through the API. */
async function seed(databaseUrl: string, shape: Shape): Promise<void> {
  await withApi(databaseUrl, async (url) => {
    const json = async (claims: Parameters<typeof tokenFor>[0]) => ({
      Authorization: `Bearer ${await tokenFor(claims, { expiresIn: '1h' })}`,
      'Content-Type': 'application/json',
    });
    const call = async (path: string, headers: Record<string, string>, body?: object) => {
      const response = await fetch(`${url}${path}`, { method: 'POST', headers, body: body ? JSON.stringify(body) : undefined });
      if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    };
    const admin = await json({ roles: ['admin'] });
    const year = YEARS[YEARS.length - 1];
    const goals = shape.goals.map((codes, g) => ({
      code: `G${g + 1}`,
      statement: `Sasaran ${g + 1}`,
      indicators: codes.map((code) => ({ code, name: `Indikator ${code}`, unit: '%', polarity: 'HIGHER_IS_BETTER', aggregation: 'LAST', annualTarget: 80 })),
    }));
    for (let o = 0; o < OPDS; o++) {
      const operator = await json({ roles: ['opd_operator'], opd: opdCode(o) });
      const plan = `/api/v1/opds/${opdCode(o)}/plans/${year}`;
      await call('/api/v1/opds', admin, { code: opdCode(o), name: `Unit ${o}` });
      await call(plan, operator, { goals });
      await call(`${plan}/submit`, operator);
      await call(`${plan}/approve`, await json({ roles: ['opd_head'], opd: opdCode(o) }));
      await call(`${plan}/realisations/1`, operator, { values: shape.values(o) });
    }
  });
}

/** One-value corrections a plan gets before `long` profiles the SKP-sized write: as many as bench:http's earlier cases leave on a fast machine. */
const LONG_PLAN_CORRECTIONS = 2000;

/** `perPlan` one-value corrections of each seeded plan's first quarter, through an API that is not profiled. */
async function lengthenPlans(databaseUrl: string, perPlan: number): Promise<void> {
  const operators = await operatorTokens();
  await withApi(databaseUrl, (url) =>
    run(`${perPlan} one-value corrections a plan, not profiled`, {
      url,
      amount: OPDS * perPlan,
      requests: [corrections(operators, { years: YEARS.slice(-1), quarters: 1 }, ONE_VALUE)],
    }),
  );
}

/** The built API on the database for as long as `body` runs, given its base URL. */
async function withApi<T>(databaseUrl: string, body: (url: string) => Promise<T>, nodeArguments: string[] = []): Promise<T> {
  const port = await freePort();
  const api = await start(
    'dist/apps/api/src/main.js',
    port,
    { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'development', HOST: '127.0.0.1', PERSONAL_DATA_KEY },
    nodeArguments,
  );
  try {
    return await body(`http://127.0.0.1:${port}`);
  } finally {
    await stop(api);
  }
}

/** A token for each unit's operator, by the unit's index. */
async function operatorTokens(): Promise<string[]> {
  return Promise.all(
    Array.from({ length: OPDS }, async (_, o) => `Bearer ${await tokenFor({ roles: ['opd_operator'], opd: opdCode(o) }, { expiresIn: '2h' })}`),
  );
}

/** A scratch database on the bench's server for as long as `body` runs. */
async function withScratchDatabase(body: (databaseUrl: string) => Promise<void>): Promise<void> {
  const name = `kl_bench_profile_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(SERVER);
    url.pathname = `/${name}`;
    await body(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const [first, second] = process.argv.slice(2);
  if (first === 'skp') {
    await withScratchDatabase(async (databaseUrl) => {
      await seedSkpLedger(databaseUrl);
      await profileSkp(databaseUrl, Number(second ?? 20));
    });
    return;
  }
  if (first === 'long') {
    await withScratchDatabase(async (databaseUrl) => {
      await seed(databaseUrl, SKP_SIZED);
      await lengthenPlans(databaseUrl, LONG_PLAN_CORRECTIONS);
      await profileCorrections(databaseUrl, Number(second ?? 20), { years: YEARS.slice(-1), quarters: 1 }, SKP_SIZED);
    });
    return;
  }
  if (first === 'sized') {
    await withScratchDatabase(async (databaseUrl) => {
      await seed(databaseUrl, SKP_SIZED);
      await profileCorrections(databaseUrl, Number(second ?? 20), { years: YEARS.slice(-1), quarters: 1 }, SKP_SIZED);
    });
    return;
  }
  const given = first !== undefined && !/^\d+$/.test(first) ? first : undefined;
  const seconds = Number((given ? second : first) ?? 20);
  if (given) {
    await profilePlanRead(given, seconds);
    await profileCorrections(given, seconds, { years: YEARS, quarters: 4 }, THREE_VALUES);
  } else {
    await withScratchDatabase(async (databaseUrl) => {
      await seed(databaseUrl, THREE_VALUES);
      await profileCorrections(databaseUrl, seconds, { years: YEARS.slice(-1), quarters: 1 }, THREE_VALUES);
    });
  }
}

/** The SKP cases of bench:http (bench/skp-http-cases.ts) on a scratch database: what reading and writing sealed personal data costs. */
async function seedSkpLedger(databaseUrl: string): Promise<void> {
  await withApi(databaseUrl, seedSkps);
}

async function profileSkp(databaseUrl: string, seconds: number): Promise<void> {
  const inspector = `Bearer ${await tokenFor({ roles: ['inspector'] }, { expiresIn: '2h' })}`;
  const appraiser = `Bearer ${await tokenFor({ roles: ['appraiser'], nip: SKP_APPRAISER }, { expiresIn: '2h' })}`;
  let reads = 0;
  let writes = 0;
  await profile(databaseUrl, 'GET /api/v1/skp/{nip}/{year}', seconds, () => ({
    method: 'GET',
    setupRequest: (request) => ({ ...request, headers: { Authorization: inspector }, path: `/api/v1/skp/${skpNip(reads++ % SKP_COUNT)}/${SKP_YEAR}` }),
  }));
  await profile(
    databaseUrl,
    'POST /api/v1/skp/{nip}/{year}/evaluations/Q1',
    seconds,
    () => ({
      method: 'POST',
      setupRequest: (request) => {
        const n = writes++;
        return {
          ...request,
          headers: { Authorization: appraiser, 'Content-Type': 'application/json' },
          path: `/api/v1/skp/${skpNip(n % SKP_COUNT)}/${SKP_YEAR}/evaluations/Q1`,
          body: JSON.stringify({ resultRating: n % 2 ? 'AS_EXPECTED' : 'ABOVE_EXPECTATION', behaviourRating: 'AS_EXPECTED', reason: `Koreksi ${n}` }),
        };
      },
    }),
    true,
  );
}

async function profilePlanRead(databaseUrl: string, seconds: number): Promise<void> {
  let reads = 0;
  await profile(databaseUrl, 'GET /api/v1/opds/{code}/plans/{year}', seconds, (operators) => ({
    method: 'GET',
    setupRequest: (request) => {
      const k = (reads++ * 37) % (OPDS * YEARS.length);
      return { ...request, headers: { Authorization: operators[k % OPDS] }, path: `/api/v1/opds/${opdCode(k % OPDS)}/plans/${YEARS[Math.floor(k / OPDS)]}` };
    },
  }));
}

async function profileCorrections(databaseUrl: string, seconds: number, quarters: Quarters, shape: Shape): Promise<void> {
  await profile(databaseUrl, 'POST …/realisations/{q}/corrections', seconds, (operators) => corrections(operators, quarters, shape), true);
}

/** Corrections of the reported quarters, unit after unit, then year after year, then quarter after quarter. */
function corrections(operators: string[], { years, quarters }: Quarters, shape: Shape): autocannon.Request {
  let count = 0;
  return {
    method: 'POST',
    setupRequest: (request) => {
      const n = count++;
      const o = n % OPDS;
      const year = years[Math.floor(n / OPDS) % years.length];
      const quarter = (Math.floor(n / (OPDS * years.length)) % quarters) + 1;
      return {
        ...request,
        headers: { Authorization: operators[o], 'Content-Type': 'application/json' },
        path: `/api/v1/opds/${opdCode(o)}/plans/${year}/realisations/${quarter}/corrections`,
        body: JSON.stringify({ reason: 'Koreksi data', values: shape.values(n) }),
      };
    },
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
