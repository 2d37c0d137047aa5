import { AggregatorProcess, spawnAggregator } from '../support/spawn-aggregator';
import { eventually } from '../support/aggregator-app';
import { FakeLedger, startFakeLedger } from '../support/fake-ledger';
import { feedPositions, recordUnit } from '../support/ledger-http-writes';
import { ApiProcess, spawnApi } from '../support/spawn-api';
import { portOf, SwitchableTcpProxy } from '../support/switchable-tcp-proxy';
import { createTestDatabase, TestDatabase } from '../support/test-database';

// Six process starts (ts-node, then Nest): three ledgers, one ledger again, the aggregator twice.
// About 40 s on two idle cores; 107 s was seen with the load average at 13, hence the margin.
jest.setTimeout(180_000);

const NAMES = ['kab-a', 'kab-b', 'kab-c'] as const;
type Name = (typeof NAMES)[number];

/**
 * Three real ledgers (the API, each in its own process on its own database) behind fixed
 * addresses, and the aggregator in a process of its own following them. Then: kab-a is killed
 * and started again, the aggregator is killed with SIGKILL while kab-b is being written and
 * started again, and kab-c is replaced by a server that answers malformed feed pages and a head
 * that contradicts the one seen. Afterwards the aggregator holds exactly kab-a's and kab-b's
 * public feeds, no item missing or twice; kab-c keeps what it had, shows the fault and is
 * INTEGRITY_BROKEN with the evidence.
 */
describe('the aggregator against three real ledgers, one killed, one replaced, itself killed', () => {
  const databases = {} as Record<Name | 'aggregator', TestDatabase>;
  const ledgers = {} as Record<Name, ApiProcess>;
  const proxies = {} as Record<Name, SwitchableTcpProxy>;
  let aggregator: AggregatorProcess | undefined;
  let impostor: FakeLedger | undefined;

  const ledgerEnvironment = (name: Name) => ({ DATABASE_URL: databases[name].connectionString, TS_NODE_SWC: 'true', INTEGRITY_CHECKPOINT_SECONDS: '1' });
  const aggregatorEnvironment = () => ({
    DATABASE_URL: databases.aggregator.connectionString,
    AGGREGATOR_SOURCES: NAMES.map((name) => `${name}=${proxies[name].url}`).join(','),
    AGGREGATOR_POLL_MS: '200',
    AGGREGATOR_REQUEST_TIMEOUT_MS: '3000',
  });
  const source = async (name: Name) => {
    const response = await fetch(`${aggregator!.url}/public/v1/sources/${name}`);
    return (await response.json()) as {
      items: number;
      freshness: { lastError: string | null };
      integrity: { state: string; head: Record<string, unknown> | null; evidence: { reason: string } | null };
    };
  };
  const storedPositions = async (name: Name) =>
    (
      await databases.aggregator.database.pool.query<{ position: string }>('SELECT position FROM aggregator.items WHERE source = $1 ORDER BY position', [name])
    ).rows.map((row) => row.position);

  beforeAll(async () => {
    for (const name of [...NAMES, 'aggregator'] as const) databases[name] = await createTestDatabase();
    const started = await Promise.all(NAMES.map((name) => spawnApi(ledgerEnvironment(name))));
    for (const [index, name] of NAMES.entries()) {
      ledgers[name] = started[index];
      proxies[name] = await SwitchableTcpProxy.start(portOf(started[index].url));
    }
  });
  afterAll(async () => {
    const children = [aggregator, ...Object.values(ledgers)].filter((child) => child && child.child.exitCode === null && child.child.signalCode === null);
    for (const running of children) running!.child.kill('SIGTERM');
    await Promise.all(children.map((running) => running!.exited));
    await impostor?.close();
    await Promise.all(Object.values(proxies).map((proxy) => proxy.close()));
    await Promise.all(Object.values(databases).map((database) => database.drop()));
  });

  it('loses and doubles nothing of the living ledgers, and marks the impostor broken', async () => {
    await Promise.all(NAMES.map(async (name) => Promise.all(['DINKES', 'DISDIK'].map((code) => recordUnit(ledgers[name].url, code)))));
    aggregator = await spawnAggregator(aggregatorEnvironment());
    await eventually(async () => {
      for (const name of NAMES) expect([name, await source(name)]).toMatchObject([name, { items: 4, integrity: { state: 'CONSISTENT' } }]);
    }, 30_000);

    // kab-a dies; kab-b is written meanwhile and followed regardless.
    ledgers['kab-a'].child.kill('SIGKILL');
    expect(await ledgers['kab-a'].exited).toBe('SIGKILL');
    proxies['kab-a'].to(null);
    await recordUnit(ledgers['kab-b'].url, 'BAPPEDA');
    await eventually(async () => {
      expect(await source('kab-b')).toMatchObject({ items: 6, freshness: { lastError: null } });
      expect((await source('kab-a')).freshness.lastError).toMatch(/could not be reached/);
    });

    // kab-a comes back (on another port, behind the same address) and is written again.
    ledgers['kab-a'] = await spawnApi(ledgerEnvironment('kab-a'));
    proxies['kab-a'].to(portOf(ledgers['kab-a'].url));
    await recordUnit(ledgers['kab-a'].url, 'BAPPEDA');

    // The aggregator killed with SIGKILL while kab-b is being written, then started again.
    const writing = Promise.all(['DISHUB', 'DINSOS', 'DISPORA'].map((code) => recordUnit(ledgers['kab-b'].url, code)));
    await eventually(async () => expect((await source('kab-b')).items).toBeGreaterThan(6), 20_000);
    aggregator.child.kill('SIGKILL');
    expect(await aggregator.exited).toBe('SIGKILL');
    await writing;
    aggregator = await spawnAggregator(aggregatorEnvironment());

    // kab-c replaced by a server answering malformed pages and a head that contradicts the one seen.
    const seen = (await source('kab-c')).integrity.head!;
    ledgers['kab-c'].child.kill('SIGKILL');
    impostor = await startFakeLedger();
    impostor.misbehave = (request, response) => {
      const json = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.url?.startsWith('/public/v1/integrity/head')) return json({ ...seen, hash: 'f'.repeat(64) });
      json({ items: [{ position: 7, title: null }], next: 'x' });
    };
    proxies['kab-c'].to(portOf(impostor.url));

    for (const name of ['kab-a', 'kab-b'] as const) {
      const published = await feedPositions(ledgers[name].url);
      expect(published).toHaveLength(name === 'kab-a' ? 6 : 12);
      await eventually(async () => expect(await storedPositions(name)).toEqual(published), 30_000);
    }
    await eventually(async () => {
      const impersonated = await source('kab-c');
      expect(impersonated).toMatchObject({ items: 4, integrity: { state: 'INTEGRITY_BROKEN' } });
      expect(impersonated.integrity.evidence?.reason).toBe(`checkpoint ${String(seen.sequence)} was shown with different contents`);
      expect(impersonated.freshness.lastError).toMatch(/not of the public shape/);
    });
    expect(await storedPositions('kab-c')).toHaveLength(4);
  });
});
