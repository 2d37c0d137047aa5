/**
 * npm run bench:scale (not part of npm run bench, nor of CI): a regency's five years, about a
 * million events, on a fresh database of the PostgreSQL server.
 *
 *   1. Load, straight through the event store, as the years happened: year after year, phase
 *      after phase (drafting, each quarter, the annual rating, re-ratings), every stream of the
 *      phase appended concurrently with its batch of events. 40 units; 200 plans with four
 *      quarters reported and corrected; 8,000 SKPs a year with realisations, evaluations and
 *      re-evaluations, their personal data sealed as the API seals it; 1,000 audit findings with
 *      follow-ups; a Zona Integritas unit per OPD each year, self-assessed on every LKE item and,
 *      for three units in four, evaluated by the TPI.
 *   2. Rebuild: the built API starts on that database with PROJECTIONS_INLINE=true and every
 *      read model empty, so each projection is built from position 0; timed from the spawn
 *      until every serving checkpoint reaches the head of the log.
 *   3. Reads with the data loaded, autocannon at CONNECTIONS: GET plan, GET finding, GET SKP,
 *      the OPD list (there is no regency list), the findings summary and a ZI unit's LKE sheet,
 *      then a mixed run.
 *      The API's VmRSS after the rebuild and after the reads.
 *
 * The last line printed is one JSON object with the figures.
 *
 *   BENCH_DATABASE_URL         server to create the scratch database on (default: local `test`)
 *   BENCH_SCALE_SKPS           SKPs a year (default 8000)
 *   BENCH_SCALE_REEVALUATIONS  re-ratings per SKP (default 9: about 983,000 events in all)
 *   BENCH_SCALE_READ_SECONDS   each read case (default 20); BENCH_SCALE_MIXED_SECONDS the mixed run (default 60)
 *   BENCH_SCALE_KEEP=1         keeps the database (its URL is printed) for profiling
 *   BENCH_SCALE_REUSE=<url>    a database loaded by an earlier run: no load, its read models
 *                              and checkpoints dropped, the rebuild and the reads as above
 *
 * Besides wall time, the rebuild's CPU time is reported: the API process's and that of the
 * server backends of the database (/proc, so the server must run on this machine). On a
 * machine shared with other work this is the figure that says what the rebuild costs.
 */
import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { PostgresDatabase } from '@app/database';
import { NewEvent, PostgresEventStore } from '@app/event-store';
import { ALL_PROJECTIONS } from '@app/read-models';
import { DeploymentKey, PersonalData } from '@app/personal-data';
import { skpStream } from '@app/domain/skp';
import { SkpPersonalData } from '../apps/api/src/skp/skp-personal-data';
import { validateEnvironment } from '@app/config';
import { AnswerType, LkeAnswer, LkeValue, ZiCommand, ziDecider, ziStream } from '@app/domain/zi';
import { tokenFor } from '../test/support/tokens';
import { freePort, run, RunSummary, SERVER, start, stop } from './http-support';
import { cpuSeconds } from './process-cpu';

const OPDS = 40;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const SKPS = Number(process.env.BENCH_SCALE_SKPS ?? 8000);
const REEVALUATIONS = Number(process.env.BENCH_SCALE_REEVALUATIONS ?? 9);
const FINDINGS = 1000;
const APPRAISERS = 400;
const INDICATORS = 10;
const CORRECTIONS_PER_QUARTER = 3;
const WRITERS = 32;
const CONNECTIONS = 20;
const READ_SECONDS = Number(process.env.BENCH_SCALE_READ_SECONDS ?? 20);
const MIXED_SECONDS = Number(process.env.BENCH_SCALE_MIXED_SECONDS ?? 60);
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
const actor = { sub: 'bench', roles: ['opd_operator'] };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The bench's own deployment key (no secret: scratch data), the same for a load and a later BENCH_SCALE_REUSE run. */
const PERSONAL_DATA_KEY = process.env.BENCH_SCALE_PERSONAL_DATA_KEY ?? Buffer.alloc(32, 'kinerja-ledger bench:scale').toString('base64');

const opdCode = (i: number) => `OPD-${String(i).padStart(2, '0')}`;
/** A NIP whose birth date is `day` days after `from`, so that every one is a real date and unique. */
function nipOf(from: number, day: number, service: string): string {
  const birth = new Date(Date.UTC(from, 0, 1) + day * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `${birth}${service}1${String(day % 1000).padStart(3, '0')}`;
}
const employeeNip = (i: number) => nipOf(1970, i, '200501');
const appraiserNip = (i: number) => nipOf(1960, i % APPRAISERS, '198503');
const findingId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const withActor = (events: Array<Omit<NewEvent, 'metadata'>>): NewEvent[] => events.map((event) => ({ ...event, metadata: { actor } }));

// --- Plans -------------------------------------------------------------------------------

const goals = [1, 2].map((g) => ({
  code: `G${g}`,
  statement: `Sasaran ${g}`,
  indicators: Array.from({ length: INDICATORS / 2 }, (_, k) => ({
    code: `I${g}${k + 1}`,
    name: `Indikator ${g}.${k + 1}`,
    unit: '%',
    polarity: k === 4 ? 'LOWER_IS_BETTER' : 'HIGHER_IS_BETTER',
    aggregation: (['LAST', 'SUM', 'AVERAGE'] as const)[k % 3],
    annualTarget: 80 + k,
    quarterlyTargets: [20 + k, 40 + k, 60 + k, 80 + k],
  })),
}));
const indicatorCodes = goals.flatMap((goal) => goal.indicators.map((indicator) => indicator.code));
const planValues = (seed: number) =>
  indicatorCodes.map((indicatorCode, k) => ({ indicatorCode, value: 50 + ((seed * 7 + k * 13) % 50), evidenceUrl: null, note: null }));

function planAgreed(o: number, year: number): NewEvent[] {
  const key = { opdCode: opdCode(o), year };
  return withActor([
    { type: 'PlanDrafted', data: { ...key, goals } },
    { type: 'PlanSubmitted', data: key },
    { type: 'PlanApproved', data: { ...key, version: 1, goals, on: `${year}-01-10` } },
  ]);
}

function planQuarter(o: number, year: number, q: number): NewEvent[] {
  const key = { opdCode: opdCode(o), year, quarter: q + 1 };
  const month = String(q * 3 + 4).padStart(2, '0');
  return withActor([
    { type: 'RealisationReported', data: { ...key, values: planValues(o + q), on: `${year}-${month}-05` } },
    ...Array.from({ length: CORRECTIONS_PER_QUARTER }, (_, c) => ({
      type: 'RealisationCorrected',
      data: { ...key, values: planValues(o + q + c + 1).slice(0, 3), reason: 'Koreksi data', on: `${year}-${month}-${String(8 + c).padStart(2, '0')}` },
    })),
  ]);
}

// --- SKPs --------------------------------------------------------------------------------

function skpResults(i: number, year: number) {
  return [1, 2].map((r) => ({
    code: `R${r}`,
    statement: `Hasil kerja ${r}`,
    cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: opdCode(i % OPDS), year, indicatorCode: indicatorCodes[(i + r) % INDICATORS] },
    indicators: [{ code: `K${r}`, name: `Ukuran ${r}`, unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
  }));
}

const rating = (period: string, above: boolean, on: string) => ({
  period,
  resultRating: above ? 'ABOVE_EXPECTATION' : 'AS_EXPECTED',
  behaviourRating: above ? 'ABOVE_EXPECTATION' : 'AS_EXPECTED',
  predikat: above ? 'SANGAT_BAIK' : 'BAIK',
  note: null,
  behaviourNotes: {},
  on,
});

function skpAgreed(i: number, year: number): NewEvent[] {
  const key = { nip: employeeNip(i), year };
  const results = skpResults(i, year);
  const drafted = { ...key, name: `Pegawai ${i}`, position: 'Analis', opdCode: opdCode(i % OPDS), appraiserNip: appraiserNip(i), results: results.slice(0, 1) };
  return withActor([
    { type: 'SkpDrafted', data: drafted },
    { type: 'SkpSubmitted', data: key },
    { type: 'SkpReturned', data: { ...key, reason: 'Tambahkan hasil kerja kedua' } },
    { type: 'SkpResultsReplaced', data: { ...key, results } },
    { type: 'SkpSubmitted', data: key },
    { type: 'SkpAgreed', data: { ...key, results, on: `${year}-01-20` } },
  ]);
}

function skpQuarter(i: number, year: number, q: number): NewEvent[] {
  const key = { nip: employeeNip(i), year };
  const on = `${year}-${String(q * 3 + 4).padStart(2, '0')}-05`;
  const values = [1, 2].map((r) => ({ indicatorCode: `K${r}`, value: 20 * (q + 1) + r, evidenceUrl: null, note: null }));
  return withActor([
    { type: 'SkpRealisationReported', data: { ...key, period: QUARTERS[q], values, on } },
    { type: 'SkpEvaluated', data: { ...key, ...rating(QUARTERS[q], (i + q) % 5 === 0, on) } },
  ]);
}

function skpAnnual(i: number, year: number): NewEvent[] {
  return withActor([{ type: 'SkpEvaluated', data: { nip: employeeNip(i), year, ...rating('ANNUAL', i % 7 === 0, `${year}-12-20`) } }]);
}

/** Re-ratings `from` to `to` (exclusive) of the REEVALUATIONS: periods in turn, each with a reason. */
function skpReevaluations(i: number, year: number, from: number, to: number): NewEvent[] {
  const periods = [...QUARTERS, 'ANNUAL'];
  return withActor(
    Array.from({ length: Math.max(0, Math.min(to, REEVALUATIONS) - from) }, (_, k) => ({
      type: 'SkpReevaluated',
      data: {
        nip: employeeNip(i),
        year,
        ...rating(periods[(from + k) % 5], (i + from + k) % 3 === 0, `${year + 1}-01-${String(10 + k).padStart(2, '0')}`),
        reason: 'Keberatan',
      },
    })),
  );
}

// --- Findings ------------------------------------------------------------------------------

function findingRecorded(f: number): NewEvent[] {
  const year = YEARS[f % YEARS.length];
  return withActor([
    {
      type: 'AuditFindingRecorded',
      data: {
        findingId: findingId(f),
        opdCode: opdCode(f % OPDS),
        reportNumber: `LHP-${year}-${f}`,
        reportDate: `${year}-03-01`,
        receivedDate: `${year}-03-04`,
        title: `Temuan ${f}`,
        condition: 'Kondisi',
        criteria: 'Kriteria',
        cause: 'Sebab',
        effect: 'Akibat',
        category: (['NON_COMPLIANCE', 'INTERNAL_CONTROL', 'THREE_E'] as const)[f % 3],
        amountIdr: f % 2 ? 10_000_000 : null,
        recommendations: [1, 2, 3].map((no) => ({ no, text: `Rekomendasi ${no}`, amountIdr: null })),
      },
    },
  ]);
}

/** Six events per recommendation: follow-ups, a delay reason, a first and a final assessment. */
function findingFollowUps(f: number): NewEvent[] {
  const year = YEARS[f % YEARS.length];
  const findingIdOf = findingId(f);
  return withActor(
    [1, 2, 3].flatMap((recommendationNo) => [
      {
        type: 'FollowUpRecorded',
        data: { findingId: findingIdOf, recommendationNo, description: 'Tindak lanjut', evidenceUrl: null, amountSettledIdr: null, on: `${year}-04-01` },
      },
      { type: 'DelayReasonRecorded', data: { findingId: findingIdOf, recommendationNo, reasonCategory: 'OTHER', note: 'Menunggu', on: `${year}-04-20` } },
      { type: 'RecommendationAssessed', data: { findingId: findingIdOf, recommendationNo, status: 'BELUM_SESUAI', note: 'Belum', on: `${year}-05-01` } },
      {
        type: 'FollowUpRecorded',
        data: { findingId: findingIdOf, recommendationNo, description: 'Lanjutan', evidenceUrl: null, amountSettledIdr: null, on: `${year}-05-10` },
      },
      {
        type: 'FollowUpRecorded',
        data: { findingId: findingIdOf, recommendationNo, description: 'Bukti', evidenceUrl: null, amountSettledIdr: null, on: `${year}-05-20` },
      },
      { type: 'RecommendationAssessed', data: { findingId: findingIdOf, recommendationNo, status: 'SESUAI', note: 'Selesai', on: `${year}-06-01` } },
    ]),
  );
}

// --- Load ----------------------------------------------------------------------------------

/** `sealFor`: an SKP's, whose stream is named by its employee's subject and whose events are sealed as the API seals them. */
type Append = { stream: string; events: () => NewEvent[]; sealFor?: { nip: string; year: number } };

/** The appends of the five years in the order they happen; a phase's appends are concurrent. */
function* phases(): Generator<Append[]> {
  const skps = (year: number, events: (i: number) => NewEvent[]): Append[] =>
    Array.from({ length: SKPS }, (_, i) => ({ stream: '', events: () => events(i), sealFor: { nip: employeeNip(i), year } }));
  const plans = (year: number, events: (o: number) => NewEvent[]): Append[] =>
    Array.from({ length: OPDS }, (_, o) => ({ stream: `plan-${opdCode(o)}-${year}`, events: () => events(o) }));
  const findings = (year: number, events: (f: number) => NewEvent[]): Append[] =>
    Array.from({ length: FINDINGS }, (_, f) => f)
      .filter((f) => YEARS[f % YEARS.length] === year)
      .map((f) => ({ stream: `finding-${findingId(f)}`, events: () => events(f) }));
  yield Array.from({ length: OPDS }, (_, o) => ({
    stream: `opd-${opdCode(o)}`,
    events: () => withActor([{ type: 'OpdRegistered', data: { code: opdCode(o), name: `Unit ${o}`, parentCode: null } }]),
  }));
  for (const year of YEARS) {
    yield [...plans(year, (o) => planAgreed(o, year)), ...skps(year, (i) => skpAgreed(i, year))];
    for (let q = 0; q < 4; q++) {
      yield [...plans(year, (o) => planQuarter(o, year, q)), ...skps(year, (i) => skpQuarter(i, year, q))];
      if (q === 0) yield findings(year, findingRecorded);
      if (q === 1) yield findings(year, findingFollowUps);
    }
    yield skps(year, (i) => skpAnnual(i, year));
    for (let from = 0; from < REEVALUATIONS; from += 3) yield skps(year, (i) => skpReevaluations(i, year, from, from + 3));
    yield Array.from({ length: OPDS }, (_, o) => ({ stream: ziStream(ziUnit(o), year), events: () => ziYear(o, year) }));
  }
}

// --- Zona Integritas -------------------------------------------------------------------------

const LKE_TEMPLATE = validateEnvironment({}).lkeTemplate;
const ziUnit = (o: number) => `${opdCode(o)}.UPT-${o}`;
const BEST_ANSWER: Record<AnswerType, LkeValue> = { YA_TIDAK: 'YA', ABC: 'A', ABCD: 'A', ABCDE: 'A', PERCENT: { numerator: 1, denominator: 1 }, SURVEY: 3.6 };
const LESS_ANSWER: Record<AnswerType, LkeValue> = {
  YA_TIDAK: 'TIDAK',
  ABC: 'B',
  ABCD: 'C',
  ABCDE: 'C',
  PERCENT: { numerator: 1, denominator: 2 },
  SURVEY: 3.1,
};

/**
 * A unit's ZI year as the decider makes it (so every event has the shape the projections
 * expect): declared; answered by the unit on every item; submitted; and for three units in four,
 * answered and evaluated by the TPI, who finds less in every seventh item.
 */
function ziYear(o: number, year: number): NewEvent[] {
  const metadata = { actor, now: `${year}-06-01T02:00:00.000Z`, today: `${year}-06-01` };
  const answers = (less: (index: number) => boolean): LkeAnswer[] =>
    LKE_TEMPLATE.items.map((item, index) => ({
      itemCode: item.code,
      value: (less(index) ? LESS_ANSWER : BEST_ANSWER)[item.answerType],
      note: 'Bukti terlampir',
    }));
  const commands: ZiCommand[] = [
    {
      type: 'DeclareZi',
      data: {
        opd: { code: opdCode(o), status: 'ACTIVE' },
        unit: ziUnit(o),
        year,
        standingWbk: false,
        target: 'WBK',
        declaredOn: `${year}-01-20`,
        documentUrl: 'https://zi.example.go.id/piagam.pdf',
        documentSha256: 'c'.repeat(64),
        team: [{ position: 'Kepala unit', duty: 'Penanggung jawab' }],
      },
      metadata,
    },
    { type: 'AnswerZiSelf', data: { template: LKE_TEMPLATE, answers: answers(() => false), suggestions: {} }, metadata },
    { type: 'SubmitZiSelfAssessment', data: { template: LKE_TEMPLATE }, metadata },
    ...(o % 4 === 3
      ? []
      : ([
          { type: 'AnswerZiTpi', data: { template: LKE_TEMPLATE, answers: answers((index) => (index + o) % 7 === 0) }, metadata },
          { type: 'EvaluateZi', data: { template: LKE_TEMPLATE }, metadata },
        ] as ZiCommand[])),
  ];
  let state = ziDecider.initialState();
  const events: NewEvent[] = [];
  for (const command of commands) {
    for (const event of ziDecider.decide(command, state)) {
      state = ziDecider.evolve(state, event);
      events.push({ type: event.type, data: event.data, metadata: { actor } });
    }
  }
  return events;
}

async function load(databaseUrl: string): Promise<{ events: number; ms: number }> {
  const database = new PostgresDatabase({ connectionString: databaseUrl, poolSize: 16, applicationName: 'kl-bench-scale' });
  const store = await PostgresEventStore.open(database, { streamCacheBytes: 0 });
  // The SKPs' personal data as the API keeps it (docs/domain.md, Personal data at rest).
  const skpPersonalData = new SkpPersonalData(await PersonalData.open(database.pool, DeploymentKey.fromBase64(PERSONAL_DATA_KEY)));
  const sealed = async (append: Append): Promise<{ stream: string; events: NewEvent[] }> => {
    if (!append.sealFor) return { stream: append.stream, events: append.events() };
    const key = await skpPersonalData.key(append.sealFor, { create: true });
    const events = await Promise.all(append.events().map(async (event) => ({ ...event, data: await skpPersonalData.seal(event.data as object) })));
    return { stream: skpStream(key.subject, key.year), events };
  };
  const started = performance.now();
  let events = 0;
  let lastReport = started;
  try {
    for (const phase of phases()) {
      let next = 0;
      await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          for (let k = next++; k < phase.length; k = next++) {
            const batch = await sealed(phase[k]);
            await store.appendToStream(batch.stream, batch.events);
            events += batch.events.length;
          }
        }),
      );
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        process.stderr.write(`  loaded ${events} events, ${Math.round(events / ((lastReport - started) / 1000))} events/s\n`);
      }
    }
  } finally {
    await store.close();
    await database.close();
  }
  return { events, ms: performance.now() - started };
}

// --- The API -------------------------------------------------------------------------------

/** CPU seconds of the server's backends on this database, by pid (those alive now). */
async function backendCpu(client: Client): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  return new Map(rows.map((row) => [row.pid, cpuSeconds(row.pid)]));
}

/** Drops what a run left: the read models, checkpoints and projection states. */
async function resetProjections(client: Client): Promise<void> {
  const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'rm\\_%'`);
  for (const row of rows) await client.query(`DROP TABLE "${row.tablename}"`);
  await client.query('DELETE FROM kl_projection_checkpoints');
  await client.query('DELETE FROM kl_projections');
}

/** What the API's RSS is made of, from its /metrics (open outside production): V8's heap, memory outside it, the caches' JSON. */
async function memoryOf(base: string): Promise<{ heapUsedMb: number; heapTotalMb: number; externalMb: number; streamCacheMb: number; readCacheMb: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const mb = (pattern: RegExp) => Math.round(Number(pattern.exec(text)?.[1] ?? 0) / 1024 / 1024);
  return {
    heapUsedMb: mb(/^kl_nodejs_heap_size_used_bytes (\S+)$/m),
    heapTotalMb: mb(/^kl_nodejs_heap_size_total_bytes (\S+)$/m),
    externalMb: mb(/^kl_nodejs_external_memory_bytes (\S+)$/m),
    streamCacheMb: mb(/^kl_stream_cache_bytes\{of="used"\} (\S+)$/m),
    readCacheMb: mb(/^kl_read_cache_bytes\{of="used"\} (\S+)$/m),
  };
}

function vmRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024);
}

/** Polls the serving checkpoints until every projection's has reached `head`. */
async function rebuilt(client: Client, head: string, started: number, projections: number): Promise<number> {
  let lastReport = performance.now();
  for (;;) {
    const { rows } = await client
      .query<{ name: string; position: string | null }>(
        `SELECT p.name, c.position FROM kl_projections p JOIN kl_projection_checkpoints c ON c.name = p.name AND c.slot = p.active_slot`,
      )
      .catch(() => ({ rows: [] as Array<{ name: string; position: string | null }> }));
    if (rows.length === projections && rows.every((row) => row.position !== null && row.position >= head)) return performance.now() - started;
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      process.stderr.write(
        `  rebuilding, ${Math.round((lastReport - started) / 1000)} s: ${rows.map((row) => `${row.name} ${row.position ?? '-'}`).join(', ')}\n`,
      );
    }
    if (performance.now() - started > 1_800_000) throw new Error('the projections did not catch up in 30 minutes');
    await sleep(100);
  }
}

async function main(): Promise<void> {
  const reuse = process.env.BENCH_SCALE_REUSE;
  const name = reuse ? new URL(reuse).pathname.slice(1) : `kl_bench_scale_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const client = new Client({ connectionString: databaseUrl });
  let api: ChildProcess | undefined;
  try {
    process.stderr.write(`bench database ${name}; load average ${readFileSync('/proc/loadavg', 'utf8').trim()}\n`);
    let loaded: { events: number; ms: number };
    let loadEventsPerSec: number | null = null;
    if (reuse) {
      await client.connect();
      await resetProjections(client);
      const { rows } = await client.query<{ events: string }>('SELECT count(*) AS events FROM kl_events');
      loaded = { events: Number(rows[0].events), ms: 0 };
    } else {
      loaded = await load(databaseUrl);
      loadEventsPerSec = Math.round(loaded.events / (loaded.ms / 1000));
      process.stderr.write(`  load: ${loaded.events} events in ${Math.round(loaded.ms / 1000)} s, ${loadEventsPerSec} events/s\n`);
      await client.connect();
    }
    const { rows: heads } = await client.query<{ head: string }>(
      `SELECT lpad(transaction_id::text, 20, '0') || '-' || lpad(global_position::text, 20, '0') AS head
         FROM kl_events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    );
    const head = heads[0].head;
    const { rows: sizes } = await client.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    process.stderr.write(`  database ${sizes[0].size}; load average ${readFileSync('/proc/loadavg', 'utf8').trim()}\n`);

    const port = await freePort();
    const startedApi = performance.now();
    api = await start('dist/apps/api/src/main.js', port, {
      DATABASE_URL: databaseUrl,
      PROJECTIONS_INLINE: 'true',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PERSONAL_DATA_KEY,
    });
    const answeredMs = performance.now() - startedApi;
    const backendsAtStart = await backendCpu(client);
    const apiCpuAtStart = cpuSeconds(api.pid!);
    const rebuildMs = await rebuilt(client, head, startedApi, ALL_PROJECTIONS.length);
    const rebuildApiCpuSeconds = Math.round(cpuSeconds(api.pid!) - apiCpuAtStart);
    let rebuildServerCpuSeconds = 0;
    for (const [pid, cpu] of await backendCpu(client)) rebuildServerCpuSeconds += cpu - (backendsAtStart.get(pid) ?? 0);
    rebuildServerCpuSeconds = Math.round(rebuildServerCpuSeconds);
    const rebuildSeconds = Math.round(rebuildMs / 100) / 10;
    const rebuildEventsPerSec = Math.round(loaded.events / (rebuildMs / 1000));
    await sleep(2000);
    const rssMbAfterRebuild = vmRssMb(api.pid!);
    process.stderr.write(
      `  rebuild CPU: the API ${rebuildApiCpuSeconds} s, the server's backends ${rebuildServerCpuSeconds} s\n` +
        `  rebuild: ${rebuildSeconds} s from the spawn (the API answered after ${Math.round(answeredMs)} ms), ${rebuildEventsPerSec} events/s; VmRSS ${rssMbAfterRebuild} MB; load average ${readFileSync('/proc/loadavg', 'utf8').trim()}\n`,
    );

    const base = `http://127.0.0.1:${port}`;
    const inspector = `Bearer ${await tokenFor({ roles: ['inspector'] }, { expiresIn: '2h' })}`;
    const operators: string[] = [];
    for (let o = 0; o < OPDS; o++) operators.push(`Bearer ${await tokenFor({ roles: ['opd_operator'], opd: opdCode(o) }, { expiresIn: '2h' })}`);
    // No Content-Type on a GET: autocannon then waits for a body that never comes.
    let n = 0;
    const planRead = () => {
      const k = (n++ * 37) % (OPDS * YEARS.length);
      return { headers: { Authorization: operators[k % OPDS] }, path: `/api/v1/opds/${opdCode(k % OPDS)}/plans/${YEARS[Math.floor(k / OPDS)]}` };
    };
    const findingRead = () => ({ headers: { Authorization: inspector }, path: `/api/v1/audit-findings/${findingId((n++ * 37) % FINDINGS)}` });
    const skpRead = () => {
      const k = n++ * 7919;
      return { headers: { Authorization: inspector }, path: `/api/v1/skp/${employeeNip(k % SKPS)}/${YEARS[Math.floor(k / SKPS) % YEARS.length]}` };
    };
    const opdList = () => ({ headers: { Authorization: inspector }, path: '/api/v1/opds?limit=50' });
    const findingSummary = () => ({ headers: { Authorization: inspector }, path: `/api/v1/audit-findings/summary?year=${YEARS[n++ % YEARS.length]}` });
    const lkeSheet = () => {
      const k = (n++ * 37) % (OPDS * YEARS.length);
      return { headers: { Authorization: inspector }, path: `/api/v1/zi/${ziUnit(k % OPDS)}/${YEARS[Math.floor(k / OPDS)]}/lke` };
    };
    const reads = (name: string, next: () => { headers: Record<string, string>; path: string }, duration = READ_SECONDS) =>
      run(name, {
        url: base,
        connections: CONNECTIONS,
        duration,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, ...next() }) }],
      });
    const cases: RunSummary[] = [
      await reads('GET /api/v1/opds/{code}/plans/{year}', planRead),
      await reads('GET /api/v1/audit-findings/{id}', findingRead),
      await reads('GET /api/v1/skp/{nip}/{year}', skpRead),
      await reads('GET /api/v1/opds (the OPD list: no regency list exists)', opdList),
      await reads('GET /api/v1/audit-findings/summary?year=', findingSummary),
      await reads('GET /api/v1/zi/{unit}/{year}/lke (the LKE sheet with the ledger’s suggestions)', lkeSheet),
    ];
    const mixed = [planRead, findingRead, skpRead, opdList, findingSummary, lkeSheet];
    let m = 0;
    cases.push(await reads('mixed reads', () => mixed[m++ % mixed.length](), MIXED_SECONDS));
    const rssMbAfterReads = vmRssMb(api.pid!);
    const memoryAfterReads = await memoryOf(base);
    process.stderr.write(`  after the reads: VmRSS ${rssMbAfterReads} MB; ${JSON.stringify(memoryAfterReads)}\n`);
    const failed = cases.filter((summary) => summary.non2xx > 0);
    if (failed.length) throw new Error(`non-2xx answers: ${failed.map((summary) => summary.name).join(', ')}`);

    console.log(`\n| regency, five years (${loaded.events} events), ${CONNECTIONS} clients | req/s | p50 ms | p99 ms |`);
    console.log('| --- | ---: | ---: | ---: |');
    for (const summary of cases) console.log(`| ${summary.name} | ${summary.rps} | ${summary.p50} | ${summary.p99} |`);
    const [plan, finding, skp, dashboard, summary, lke] = cases;
    console.log(
      JSON.stringify({
        events: loaded.events,
        loadEventsPerSec,
        rebuildSeconds,
        rebuildEventsPerSec,
        rebuildApiCpuSeconds,
        rebuildServerCpuSeconds,
        apiAnsweredMs: Math.round(answeredMs),
        rssMbAfterRebuild,
        rssMbAfterReads,
        ...Object.fromEntries(Object.entries(memoryAfterReads).map(([key, value]) => [`${key}AfterReads`, value])),
        planReadP50Ms: plan.p50,
        planReadP99Ms: plan.p99,
        findingReadP50Ms: finding.p50,
        findingReadP99Ms: finding.p99,
        skpReadP50Ms: skp.p50,
        skpReadP99Ms: skp.p99,
        dashboardReadP50Ms: dashboard.p50,
        dashboardReadP99Ms: dashboard.p99,
        findingSummaryP99Ms: summary.p99,
        lkeSheetReadP50Ms: lke.p50,
        lkeSheetReadP99Ms: lke.p99,
        loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
      }),
    );
  } finally {
    if (api) await stop(api);
    await client.end().catch(() => undefined);
    if (process.env.BENCH_SCALE_KEEP === '1' || reuse) process.stderr.write(`  kept ${databaseUrl}\n`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
