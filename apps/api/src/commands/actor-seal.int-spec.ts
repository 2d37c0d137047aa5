import { migrateSchema } from '@app/database';
import { DeploymentKey, PersonalData, subjectOf } from '@app/personal-data';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { Principal } from '../auth/principal';
import { ActorSeal } from './actor-seal';

const NIP = '198503032010012003';
const employee: Principal = { sub: NIP, name: 'Ratna Kusumawati', roles: ['employee'], nip: NIP };
const operator: Principal = { sub: 'dewi.lestari@dinkes', name: 'Dewi Lestari', roles: ['opd_operator'], opd: 'DINKES' };

describe('the actor an event keeps', () => {
  let testDatabase: TestDatabase;
  // One deployment key per database: a second would not open the lookup key the first stored.
  const deploymentKey = DeploymentKey.generate();

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    await migrateSchema(testDatabase.database.pool);
  });
  afterAll(() => testDatabase.drop());

  it("seals a person's names once for their writes, with the roles of each write in clear", async () => {
    const personalData = await PersonalData.open(testDatabase.database.pool, deploymentKey);
    const actors = new ActorSeal(personalData);
    const first = await actors.seal(employee);
    const second = await actors.seal({ ...employee, roles: ['employee', 'appraiser'] });
    expect(second).toEqual({ sub: first.sub, name: first.name, roles: ['employee', 'appraiser'] });
    expect(await personalData.open(first.sub)).toBe(NIP);
    expect(await personalData.open(first.name!)).toBe('Ratna Kusumawati');
    // Another person, or the same account under another name, is sealed anew.
    const other = await actors.seal(operator);
    expect(subjectOf(other.sub)).not.toBe(subjectOf(first.sub));
    const renamed = await actors.seal({ ...employee, name: 'Ratna K.' });
    expect(renamed.name).not.toBe(first.name);
    expect(await personalData.open(renamed.name!)).toBe('Ratna K.');
  });

  it("seals under the person's new subject once the old one is erased, never under the erased key", async () => {
    const personalData = await PersonalData.open(testDatabase.database.pool, deploymentKey);
    const actors = new ActorSeal(personalData);
    const before = await actors.seal(operator);
    expect(await personalData.erase(subjectOf(before.sub))).toBe(true);
    const after = await actors.seal(operator);
    expect(subjectOf(after.sub)).not.toBe(subjectOf(before.sub));
    expect(await personalData.open(after.name!)).toBe('Dewi Lestari');
    expect(await personalData.open(before.name!)).toBeNull();
  });

  it('seals under the new subject once an erasure in another process is heard', async () => {
    const personalData = await PersonalData.open(testDatabase.database.pool, deploymentKey);
    const stopFollowing = await personalData.followErasures(testDatabase.database);
    try {
      const actors = new ActorSeal(personalData);
      const before = await actors.seal(operator);
      const elsewhere = await PersonalData.open(testDatabase.database.pool, deploymentKey);
      await elsewhere.erase(subjectOf(before.sub));
      let after = await actors.seal(operator);
      for (let waited = 0; waited < 5000 && subjectOf(after.sub) === subjectOf(before.sub); waited += 50) {
        await sleep(50);
        after = await actors.seal(operator);
      }
      expect(subjectOf(after.sub)).not.toBe(subjectOf(before.sub));
    } finally {
      await stopFollowing();
    }
  });

  it('reuses envelopes no longer than a key read when they were sealed would be cached, though the key was cached before', async () => {
    const lifetime = 1000;
    const personalData = await PersonalData.open(testDatabase.database.pool, deploymentKey, { cacheMs: lifetime });
    const actors = new ActorSeal(personalData);
    const ref = { kind: 'user' as const, value: operator.sub };
    // The key cached at t0, then erased where this process does not hear of it.
    const subject = await personalData.ensureSubject(ref);
    expect(await personalData.hasKey(subject)).toBe(true);
    const elsewhere = await PersonalData.open(testDatabase.database.pool, deploymentKey);
    await elsewhere.erase(subject);
    // Sealed at 0.6 of the lifetime, and asked again at 1.2: a key read at t0 has expired by then.
    await sleep(lifetime * 0.6);
    await actors.seal(operator);
    await sleep(lifetime * 0.6);
    const later = await actors.seal(operator);
    expect(subjectOf(later.sub)).not.toBe(subject);
    expect(await personalData.open(later.sub)).toBe(operator.sub);
  });

  it('seals every write anew when the key cache is off', async () => {
    const personalData = await PersonalData.open(testDatabase.database.pool, deploymentKey, { cacheEntries: 0 });
    const actors = new ActorSeal(personalData);
    const [first, second] = [await actors.seal(operator), await actors.seal(operator)];
    expect(second.sub).not.toBe(first.sub);
    expect(subjectOf(second.sub)).toBe(subjectOf(first.sub));
  });
});
