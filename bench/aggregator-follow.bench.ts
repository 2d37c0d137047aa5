/**
 * npm run bench:aggregator: how fast the aggregator follows a feed, and how far behind it stays.
 * A stand-in ledger (bench/aggregator-feed-server.cjs, its own process) serves BENCH_EVENTS
 * items (a million by default) of a real item's size; the aggregator (this process, its real
 * modules) follows it from nothing on DATABASE_URL (a database of its own: it creates its
 * schema), reporting items/s as it catches up. Then the feed grows by BENCH_LIVE_RATE items a
 * second for BENCH_LIVE_SECONDS, and the bench samples the lag: how long the oldest item not
 * yet stored has been visible. docs/deploy.md, The aggregator tree, quotes the figures.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { validateAggregatorEnvironment } from '../apps/aggregator/src/config/aggregator-environment';
import { createAggregator } from '../apps/aggregator/src/create-aggregator';
import { openAggregatorDatabase } from '../apps/aggregator/src/database/aggregator-database';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const LIVE_RATE = Number(process.env.BENCH_LIVE_RATE ?? 1000);
const LIVE_SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 20);
const POLL_MS = Number(process.env.AGGREGATOR_POLL_MS ?? 200);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to an empty database for the aggregator (createdb kl_agg_bench)');
  const server = fork(join(__dirname, 'aggregator-feed-server.cjs'), [String(EVENTS), String(LIVE_RATE)], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve) => server.once('message', (message: { port: number }) => resolve(message.port)));
  const environment = validateAggregatorEnvironment({
    ...process.env,
    AGGREGATOR_SOURCES: `bench=http://127.0.0.1:${port}`,
    AGGREGATOR_POLL_MS: String(POLL_MS),
  });
  const database = await openAggregatorDatabase(environment);
  await database.pool.query('DROP SCHEMA IF EXISTS aggregator CASCADE');
  await database.close();
  const reopened = await openAggregatorDatabase(environment);
  const stored = async () => {
    const { rows } = await reopened.pool.query<{ checkpoint: string | null }>(`SELECT checkpoint FROM aggregator.sources WHERE name = 'bench'`);
    return rows[0]?.checkpoint ? Number(rows[0].checkpoint.slice(0, 20)) : 0;
  };
  const app = await createAggregator(environment, reopened, false);
  await app.init();

  const started = performance.now();
  let last = { at: started, count: 0 };
  for (let count = 0; count < EVENTS;) {
    await sleep(5000);
    count = await stored();
    const now = performance.now();
    console.log(
      `  ${count} items, ${Math.round(((count - last.count) * 1000) / (now - last.at))} items/s over the last ${((now - last.at) / 1000).toFixed(1)} s`,
    );
    last = { at: now, count };
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`catch-up: ${EVENTS} items in ${seconds.toFixed(1)} s = ${Math.round(EVENTS / seconds)} items/s (page ${environment.AGGREGATOR_PAGE_SIZE})`);

  const liveAt = Date.now();
  server.send({ liveAt });
  const lags: number[] = [];
  while (Date.now() < liveAt + LIVE_SECONDS * 1000) {
    await sleep(100);
    const have = await stored();
    const now = Date.now();
    const visible = EVENTS + Math.floor(((now - liveAt) * LIVE_RATE) / 1000);
    // The oldest visible item not stored became visible when the feed reached it.
    lags.push(have >= visible ? 0 : now - (liveAt + ((have + 1 - EVENTS) * 1000) / LIVE_RATE));
  }
  console.log(
    `live at ${LIVE_RATE} items/s for ${LIVE_SECONDS} s, polling every ${POLL_MS} ms: lag p50 ${Math.round(percentile(lags, 50))} ms, p99 ${Math.round(percentile(lags, 99))} ms, max ${Math.round(Math.max(...lags))} ms`,
  );
  const { rows } = await reopened.pool.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('aggregator.items')) AS size`);
  console.log(`aggregator.items: ${rows[0].size} for ${await stored()} items`);
  await app.close();
  server.kill();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
