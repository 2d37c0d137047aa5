import { Client } from 'pg';
import { PostgresDatabase } from '@app/database';
import { PostgresEventStore } from '@app/event-store';
(async () => {
  const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' }); await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS kl_rp WITH (FORCE)'); await admin.query('CREATE DATABASE kl_rp');
  const db = new PostgresDatabase({ connectionString: 'postgres://postgres@127.0.0.1:5432/kl_rp', poolSize: 20 });
  const store = await PostgresEventStore.open(db);
  const payload = { indicatorCode: 'IKU-01', quarter: 2, value: 87.5, note: 'realisasi triwulan II' };
  for (let s = 0; s < 100; s++) await store.appendToStream(`read-${s}`, Array.from({ length: 100 }, () => ({ type: 'BenchEvent', data: payload, metadata: { actor: { sub: 'b', roles: ['b'] } } })));
  const text = `SELECT global_position, transaction_id::text AS transaction_id, stream_name, stream_revision, event_id, event_type, data, metadata, recorded_at, hash FROM kl_events WHERE stream_name = $1 AND stream_revision >= $2 ORDER BY stream_revision ASC LIMIT $3`;
  const run = async (label: string, f: (i: number) => Promise<number>) => { const end = Date.now() + 2000; let n = 0; const t = Date.now();
    await Promise.all(Array.from({ length: 4 }, async (_, r) => { for (let i = r; Date.now() < end; i++) n += await f(i); })); console.log(label, Math.round(n / (Date.now() - t) * 1000)); };
  for (const round of [1, 2]) {
    await run('store', async (i) => (await store.readStream(`read-${i % 100}`)).length);
    await run('raw', async (i) => (await db.pool.query({ name: 'x', text, values: [`read-${i % 100}`, 0, null] })).rows.length);
    await run('raw-unnamed', async (i) => (await db.pool.query({ text, values: [`read-${i % 100}`, 0, null] })).rows.length);
  }
  console.log((await db.pool.query(`EXPLAIN ANALYZE EXECUTE kl_read_stream_forwards('read-1', 0, NULL)`).catch((e) => ({ rows: [e.message] }))).rows);
  await store.close(); await db.close(); await admin.query('DROP DATABASE kl_rp WITH (FORCE)'); await admin.end();
})();
