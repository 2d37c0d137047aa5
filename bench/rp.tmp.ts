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
  await db.pool.query('ANALYZE');
  const variants: Record<string, string> = {
    full: `global_position, transaction_id::text AS transaction_id, stream_name, stream_revision, event_id, event_type, data, metadata, recorded_at, hash`,
    sqlpos: `lpad(transaction_id::text, 20, '0') || '-' || lpad(global_position::text, 20, '0') AS position, stream_name, stream_revision, event_id, event_type, data, metadata, recorded_at, hash`,
    sqlposIso: `lpad(transaction_id::text, 20, '0') || '-' || lpad(global_position::text, 20, '0') AS position, stream_name, stream_revision, event_id, event_type, data, metadata, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at, hash`,
    textjson: `global_position, transaction_id::text AS transaction_id, stream_name, stream_revision, event_id, event_type, data::text, metadata::text, recorded_at, hash`,
    nojson: `global_position, transaction_id::text AS transaction_id, stream_name, stream_revision, event_id, event_type, recorded_at, hash`,
  };
  for (const round of [] as number[]) for (const [name, cols] of Object.entries(variants)) {
    const end = Date.now() + 2000; let n = 0; const t = Date.now();
    await Promise.all(Array.from({ length: 4 }, async (_, r) => { for (let i = r; Date.now() < end; i++) { const { rows } = await db.pool.query({ name: 'v_' + name, text: `SELECT ${cols} FROM kl_events WHERE stream_name = $1 AND stream_revision >= $2 ORDER BY stream_revision LIMIT $3`, values: [`read-${i % 100}`, 0, null] }); n += rows.length; } }));
    if (round === 2) console.log(name, Math.round(n / (Date.now() - t) * 1000));
  }
  { const end = Date.now() + 4000; let n = 0; const t = Date.now();
    await Promise.all(Array.from({ length: 4 }, async (_, r) => { for (let i = r; Date.now() < end; i++) n += (await store.readStream(`read-${i % 100}`)).length; }));
    console.log('store.readStream', Math.round(n / (Date.now() - t) * 1000)); }
  await store.close(); await db.close(); await admin.query('DROP DATABASE kl_rp WITH (FORCE)'); await admin.end();
})();
