/**
 * npm run bench: the event store and projections on the PostgreSQL server, all figures from
 * one run so that they can be compared as ratios. Never part of the tests.
 *
 *   BENCH_DATABASE_URL  server to create a scratch database on (default: local `test`)
 *   BENCH_SECONDS       duration of each timed append/read case (default 5)
 *   BENCH_LOG_EVENTS    size of the log for the global read and the rebuild (default 200000)
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Client, Pool } from 'pg';
import { PostgresDatabase } from '@app/database';
import { NewEvent, PostgresEventStore } from '@app/event-store';
import { openReadModelDataSource, Projections } from '@app/projections';
import { streamStatsProjection } from './bench-projection';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LOG_EVENTS = Number(process.env.BENCH_LOG_EVENTS ?? 200_000);
const actor = { sub: 'bench', roles: ['bench'] };
const payload = { indicatorCode: 'IKU-01', quarter: 2, value: 87.5, note: 'realisasi triwulan II' };

interface Row {
  case: string;
  eventsPerSec: number;
  note?: string;
}
const rows: Row[] = [];

function record(name: string, events: number, ms: number, note?: string): number {
  const eventsPerSec = Math.round((events / ms) * 1000);
  rows.push({ case: name, eventsPerSec, note });
  process.stderr.write(`  ${name}: ${eventsPerSec} events/s\n`);
  return eventsPerSec;
}

/** `writers` loops, each doing `step` until the time is up; answers events per second. */
async function timed(name: string, writers: number, step: (writer: number, i: number) => Promise<number>, note?: string): Promise<number> {
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  let events = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let i = 0; performance.now() < deadline; i++) {
        // Not `events += await step()`: that reads `events` before awaiting and loses the
        // other writers' counts.
        const appended = await step(writer, i);
        events += appended;
      }
    }),
  );
  return record(name, events, performance.now() - started, note);
}

async function main(): Promise<void> {
  const name = `kl_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const connectionString = url.toString();
  process.stderr.write(`bench database ${name}; ${SECONDS}s per timed case\n`);

  try {
    // (a) The naive append: BEGIN, version check, INSERT, COMMIT, straight on pg.
    const raw = new Pool({ connectionString, max: 16 });
    await raw.query(`CREATE TABLE raw_events (stream text, revision int, type text, data jsonb, metadata jsonb,
                      recorded_at timestamptz DEFAULT now(), PRIMARY KEY (stream, revision))`);
    const baseline = await timed('raw SQL baseline, 16 writers, single events', 16, async (writer, i) => {
      const client = await raw.connect();
      try {
        await client.query('BEGIN');
        const { rows: current } = await client.query<{ revision: string }>('SELECT coalesce(max(revision), -1) AS revision FROM raw_events WHERE stream = $1', [
          `raw-${writer}`,
        ]);
        if (Number(current[0].revision) !== i - 1) throw new Error('unexpected revision');
        await client.query('INSERT INTO raw_events (stream, revision, type, data, metadata) VALUES ($1, $2, $3, $4, $5)', [
          `raw-${writer}`,
          i,
          'BenchEvent',
          payload,
          { actor },
        ]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      return 1;
    });
    await raw.end();

    // (b) Emmett's PostgreSQL store, the peer users would otherwise pick.
    const emmett = getPostgreSQLEventStore(connectionString);
    await emmett.appendToStream('emmett-warmup', [{ type: 'BenchEvent', data: payload }]);
    const emmettVersions = new Map<number, bigint>();
    const emmettAppends = await timed('Emmett, 16 writers, single events', 16, async (writer) => {
      const result = await emmett.appendToStream(`emmett-${writer}`, [{ type: 'BenchEvent', data: payload, metadata: { actor } }], {
        expectedStreamVersion: emmettVersions.get(writer) ?? 'STREAM_DOES_NOT_EXIST',
      } as never);
      emmettVersions.set(writer, result.nextExpectedStreamVersion);
      return 1;
    });

    // (c) Our adapter: 1, 4 and 16 writers on distinct streams, single events and batches of 10.
    const database = new PostgresDatabase({ connectionString, poolSize: 20, applicationName: 'kl-bench' });
    const store = await PostgresEventStore.open(database);
    const event = (): NewEvent => ({ type: 'BenchEvent', data: payload, metadata: { actor } });
    let appendEventsPerSec = 0;
    for (const batch of [1, 10]) {
      for (const writers of [1, 4, 16]) {
        const revisions = new Map<number, number>();
        const tag = `w${writers}b${batch}`;
        const perSec = await timed(`kinerja-ledger, ${writers} writers, ${batch === 1 ? 'single events' : 'batches of 10'}`, writers, async (writer) => {
          const result = await store.appendToStream(`bench-${tag}x${writer}`, Array.from({ length: batch }, event), {
            expectedRevision: revisions.get(writer) ?? 'no_stream',
          });
          revisions.set(writer, result.revision);
          return batch;
        });
        if (writers === 16 && batch === 1) appendEventsPerSec = perSec;
      }
    }

    // (d) Reading 100-event streams, ours and Emmett's, 4 concurrent readers.
    const STREAMS = 100;
    for (let s = 0; s < STREAMS; s++) {
      await store.appendToStream(`read-${s}`, Array.from({ length: 100 }, event));
      await emmett.appendToStream(
        `emmett-read-${s}`,
        Array.from({ length: 100 }, () => ({ type: 'BenchEvent', data: payload, metadata: { actor } })),
      );
    }
    const streamReadEventsPerSec = await timed('kinerja-ledger, read 100-event streams, 4 readers', 4, async (_writer, i) => {
      return (await store.readStream(`read-${i % STREAMS}`)).length;
    });
    const uncachedStore = await PostgresEventStore.open(database, { streamCacheBytes: 0 });
    await timed('kinerja-ledger without its stream cache, read 100-event streams, 4 readers', 4, async (_writer, i) => {
      return (await uncachedStore.readStream(`read-${i % STREAMS}`)).length;
    });
    await uncachedStore.close();
    const emmettStreamReads = await timed('Emmett, read 100-event streams, 4 readers', 4, async (_writer, i) => {
      return (await emmett.readStream(`emmett-read-${i % STREAMS}`)).events.length;
    });
    await emmett.close();

    // (e) A log of at least LOG_EVENTS events: read it whole, then rebuild a projection from 0.
    const head = await database.pool.query<{ count: string }>('SELECT count(*) FROM kl_events');
    let missing = LOG_EVENTS - Number(head.rows[0].count);
    process.stderr.write(`  filling the log with ${Math.max(missing, 0)} more events\n`);
    let fillStream = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (missing > 0) {
          missing -= 100;
          await store.appendToStream(`fill-${fillStream++}`, Array.from({ length: 100 }, event));
        }
      }),
    );
    const total = Number((await database.pool.query<{ count: string }>('SELECT count(*) FROM kl_events')).rows[0].count);

    let started = performance.now();
    let read = 0;
    for (let after: string | null = null; ;) {
      const batch = await store.readAll({ after, limit: 1000 });
      if (batch.length === 0) break;
      read += batch.length;
      after = batch[batch.length - 1].position;
    }
    const readAllEventsPerSec = record(`kinerja-ledger, read the global log (${read} events, batches of 1000)`, read, performance.now() - started);

    const dataSource = await openReadModelDataSource(database, [streamStatsProjection]);
    const projections = new Projections(database, store, dataSource, [streamStatsProjection], { batchSize: 1000, pollIntervalMs: 20 });
    await projections.initialise();
    projections.startRunners();
    const logHead = (await store.headPosition())!;
    await projections.waitForPosition(logHead, 600_000);
    await projections.rebuild(streamStatsProjection.name);
    started = performance.now();
    while ((await projections.status())[0].rebuilding) await new Promise((resolve) => setTimeout(resolve, 20));
    const rebuildEventsPerSec = record(`kinerja-ledger, rebuild a projection from 0 (${total} events) while serving`, total, performance.now() - started);
    await projections.stopRunners();
    await dataSource.destroy();
    await store.close();
    await database.close();

    const ratio = (value: number, base: number) => Math.round((value / base) * 100) / 100;
    console.log('\n| case | events/s | × raw-SQL baseline | × Emmett (same case) |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const row of rows) {
      const emmettBase = row.case.includes('read 100-event') ? emmettStreamReads : emmettAppends;
      const comparable = row.case.includes('16 writers, single') || row.case.includes('read 100-event');
      console.log(`| ${row.case} | ${row.eventsPerSec} | ${ratio(row.eventsPerSec, baseline)} | ${comparable ? ratio(row.eventsPerSec, emmettBase) : ''} |`);
    }
    console.log(
      JSON.stringify({
        appendEventsPerSec,
        baselineEventsPerSec: baseline,
        ratio: ratio(appendEventsPerSec, baseline),
        emmettEventsPerSec: emmettAppends,
        ratioToEmmett: ratio(appendEventsPerSec, emmettAppends),
        streamReadEventsPerSec,
        emmettStreamReadEventsPerSec: emmettStreamReads,
        streamReadRatioToEmmett: ratio(streamReadEventsPerSec, emmettStreamReads),
        rebuildEventsPerSec,
        readAllEventsPerSec,
      }),
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
