import { migrateSchema } from '@app/database';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { DeploymentKey } from './deployment-key';
import { PersonalData } from './personal-data';

describe('personal data kept in a process', () => {
  let testDatabase: TestDatabase;
  const deploymentKey = DeploymentKey.generate();

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    await migrateSchema(testDatabase.database.pool);
  });
  afterAll(() => testDatabase.drop());

  it('honours an erasure it did not hear of within the cache lifetime, in what it reuses under a mark too', async () => {
    const lifetime = 1000;
    const here = await PersonalData.open(testDatabase.database.pool, deploymentKey, { cacheMs: lifetime });
    const elsewhere = await PersonalData.open(testDatabase.database.pool, deploymentKey);
    const subject = await here.ensureSubject({ kind: 'nip', value: '198503032010012003' });
    const envelope = await here.seal(subject, 'Ratna Kusumawati');
    // The key is read from the database now; then the subject is erased where this process does not hear of it.
    expect(await here.open(envelope)).toBe('Ratna Kusumawati');
    const readAt = performance.now();
    await elsewhere.erase(subject);
    // A value opened a little later, with the key this process still holds, is kept under a mark.
    await sleep(lifetime * 0.4);
    const mark = here.openedMark();
    await here.open(envelope);
    // Past the lifetime from the read, neither the key nor the value opened with it may be used.
    await sleep(Math.max(0, readAt + lifetime * 1.05 - performance.now()));
    expect(here.stillOpen(mark)).toBe(false);
    expect(await here.open(envelope)).toBeNull();
  });

  it('keeps nothing with the cache off', async () => {
    const here = await PersonalData.open(testDatabase.database.pool, deploymentKey, { cacheEntries: 0 });
    expect(here.stillOpen(here.openedMark())).toBe(false);
    expect(here.holdLifetimeMs).toBe(0);
  });
});
