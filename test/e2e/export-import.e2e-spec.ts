import { Database } from '@app/database';
import { decodePosition, encodePosition, EVENT_STORE, EventStore, LogFileEncoder, LogFileLine, PostgresEventStore } from '@app/event-store';
import { untilReadable } from '@app/event-store/testing/until-readable';
import { DATABASE } from '@app/platform';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { seedLedger } from '../support/ledger-fixtures';
import { runScript } from '../support/run-script';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

const EVENTS = `SELECT global_position::text, transaction_id::text, stream_name, stream_revision::int, event_id::text, event_type,
                       data, metadata, recorded_at, hash FROM kl_events ORDER BY transaction_id, global_position`;
const STREAMS = 'SELECT stream_name, revision::int, last_hash, last_transaction_id::text FROM kl_streams ORDER BY stream_name';
const CHECKPOINTS = 'SELECT * FROM kl_integrity_checkpoints ORDER BY sequence';

/** npm run export, then npm run import into a fresh database: the same log, or nothing at all. */
describe('npm run export and npm run import', () => {
  let testApp: TestApp;
  let source: Database;
  let directory: string;
  let exported: string;
  const targets: TestDatabase[] = [];

  async function freshTarget(): Promise<TestDatabase> {
    const target = await createTestDatabase();
    targets.push(target);
    return target;
  }
  const rows = async (database: Database, sql: string) => (await database.pool.query(sql)).rows;
  const importInto = (target: TestDatabase, file: string) => runScript('import', [file], { DATABASE_URL: target.connectionString });

  /** The exported file with `change` applied to its lines, re-encoded with a correct digest. */
  async function reencoded(name: string, change: (line: LogFileLine) => LogFileLine): Promise<string> {
    const encoder = new LogFileEncoder();
    const lines = (await readFile(exported, 'utf8')).trimEnd().split('\n').slice(0, -1);
    const text = lines.map((line) => encoder.line(change(JSON.parse(line) as LogFileLine) as Exclude<LogFileLine, { kind: 'end' }>)).join('') + encoder.end();
    const file = join(directory, name);
    await writeFile(file, text);
    return file;
  }

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'kl-export-test-'));
    testApp = await startTestApp({ INTEGRITY_CHECKPOINT_SECONDS: '0', INTEGRITY_CHECKPOINT_EVENTS: '5' });
    source = testApp.app.get<Database>(DATABASE);
    const fixtures = await seedLedger(testApp);
    // A few checkpoints, and events after the last one.
    const deadline = Date.now() + 20_000;
    while ((await rows(source, CHECKPOINTS)).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const { body } = await request(testApp.app.getHttpServer())
      .post('/api/v1/opds')
      .set(fixtures.as.admin)
      .send({ code: 'DISDIK', name: 'Dinas Pendidikan' })
      .expect(201);
    // The export stops at the head readable when it starts (see untilReadable).
    await untilReadable(testApp.app.get<EventStore>(EVENT_STORE), body.position);
    exported = join(directory, 'ledger.ndjson');
    const run = await runScript('export', ['--out', exported], testApp.databaseEnvironment);
    expect(run.status).toBe(0);
  });
  afterAll(async () => {
    for (const target of targets) await target.drop();
    await testApp.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('round-trips every event, stream and checkpoint, with positions and hashes, and the copy verifies as the original', async () => {
    const [original, originalStreams, originalCheckpoints] = [await rows(source, EVENTS), await rows(source, STREAMS), await rows(source, CHECKPOINTS)];
    expect(originalCheckpoints.length).toBeGreaterThanOrEqual(2);
    const header = JSON.parse((await readFile(exported, 'utf8')).split('\n')[0]) as { events: number; checkpoints: number };
    expect(header.events).toBe(original.length);
    // The checkpointer may have recorded one since the export: the file has those up to its head.

    const target = await freshTarget();
    const run = await importInto(target, exported);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).imported).toMatchObject({ events: original.length, streams: originalStreams.length, checkpoints: header.checkpoints });
    expect(await rows(target.database, EVENTS)).toEqual(original);
    expect(await rows(target.database, STREAMS)).toEqual(originalStreams);
    expect(await rows(target.database, CHECKPOINTS)).toEqual(originalCheckpoints.slice(0, header.checkpoints));

    const verifyOriginal = await runScript('verify', [], testApp.databaseEnvironment);
    const verifyCopy = await runScript('verify', [], { DATABASE_URL: target.connectionString });
    expect(verifyCopy.status).toBe(0);
    expect({ ...JSON.parse(verifyCopy.stdout), checkpoints: 0 }).toEqual({ ...JSON.parse(verifyOriginal.stdout), checkpoints: 0 });

    // The copy takes new events after the imported ones, in log order and sequence.
    const store = await PostgresEventStore.open(target.database);
    const appended = await store.appendToStream(
      'opd-DISDIK',
      [{ type: 'OpdRenamed', data: { name: 'Disdik' }, metadata: { actor: { sub: 'test', roles: [] } } }],
      {
        expectedRevision: 0,
      },
    );
    await store.close();
    const last = original.at(-1) as { transaction_id: string; global_position: string };
    expect(appended.revision).toBe(1);
    expect(appended.position > encodePosition(last.transaction_id, last.global_position)).toBe(true);
  });

  it('refuses a file with one byte changed, and writes nothing', async () => {
    const text = await readFile(exported, 'utf8');
    const at = text.indexOf('Dinas Pendidikan');
    const tampered = join(directory, 'one-byte.ndjson');
    await writeFile(tampered, `${text.slice(0, at)}Dinas Pendidikam${text.slice(at + 'Dinas Pendidikan'.length)}`);
    const target = await freshTarget();
    const run = await importInto(target, tampered);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^REFUSED line \d+: the file does not match its digest/);
    expect(
      await rows(
        target.database,
        'SELECT (SELECT count(*) FROM kl_events)::int + (SELECT count(*) FROM kl_streams)::int + (SELECT count(*) FROM kl_integrity_checkpoints)::int AS n',
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('refuses an event rewritten with a fresh digest by its broken hash chain, and writes nothing', async () => {
    const file = await reencoded('rewritten.ndjson', (line) =>
      line.kind === 'event' && line.stream === 'opd-DINKES' && line.revision === 0 ? { ...line, data: { ...(line.data as object), name: 'Dinas Lain' } } : line,
    );
    const target = await freshTarget();
    const run = await importInto(target, file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('REFUSED');
    expect(run.stderr).toContain('the chain of opd-DINKES breaks at revision 0');
    expect(await rows(target.database, 'SELECT count(*)::int AS n FROM kl_events')).toEqual([{ n: 0 }]);
  });

  it('refuses a store that is not empty', async () => {
    const run = await runScript('import', [exported], testApp.databaseEnvironment);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('REFUSED the event store is not empty');
  });

  it('loads a log from a server further along in transaction ids: moves this one past them, and the events read and append', async () => {
    const ahead = (position: string) => {
      const [transactionId, sequence] = decodePosition(position);
      return encodePosition(BigInt(transactionId) + 20_000n, sequence);
    };
    const file = await reencoded('ahead.ndjson', (line) =>
      line.kind === 'header'
        ? { ...line, head: line.head && ahead(line.head) }
        : line.kind === 'event' || line.kind === 'checkpoint'
          ? { ...line, position: ahead(line.position) }
          : line,
    );
    const target = await freshTarget();
    const run = await importInto(target, file);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).imported.transactionIdsAdvanced).toBeGreaterThan(0);
    const store = await PostgresEventStore.open(target.database);
    const expected = (await rows(source, EVENTS)).length;
    // The log is read below the server's oldest running transaction, a horizon another test's
    // transaction in another database can hold back for a moment: wait as a subscriber would.
    let all = await store.readAll({ limit: 10_000 });
    for (const deadline = Date.now() + 20_000; all.length < expected && Date.now() < deadline; all = await store.readAll({ limit: 10_000 })) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const appended = await store.appendToStream(
      'opd-DISDIK',
      [{ type: 'OpdRenamed', data: { name: 'Disdik' }, metadata: { actor: { sub: 'test', roles: [] } } }],
      {
        expectedRevision: 0,
      },
    );
    await store.close();
    expect(all.length).toBe(expected);
    expect(appended.position > all.at(-1)!.position).toBe(true);
  });
});
