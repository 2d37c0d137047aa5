import { migrateSchema } from '@app/database';
import { ComplaintEvent } from '@app/domain/complaint';
import { NewEvent, RecordedEvent } from '@app/event-store';
import { DeploymentKey, PersonalData } from '@app/personal-data';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { ComplaintPersonalData } from './complaint-personal-data';

const trackingCode = 'K7M2-QX9P';
const filed: ComplaintEvent = {
  type: 'ComplaintFiled',
  data: {
    trackingCode,
    kind: 'PENGADUAN',
    opdCode: null,
    subject: 'Pungutan di loket KTP',
    text: 'Petugas meminta Rp50.000 untuk KTP',
    location: 'Kantor Disdukcapil',
    contact: { name: 'Budi Santoso', email: 'budi@example.org', phone: '+6281234567890' },
    publicText: false,
    followSecretHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
    on: '2025-06-02',
    verificationDue: '2025-06-05',
  },
};
const clear = ['Pungutan di loket KTP', 'Rp50.000', 'Disdukcapil', 'Budi Santoso', 'budi@example.org', '6281234567890'];
const asNew = (event: ComplaintEvent): NewEvent => ({ ...event, metadata: { actor: { sub: 'anonymous', roles: [] } } });
const recorded = (event: NewEvent): RecordedEvent => ({ ...event, stream: `complaint-${trackingCode}`, revision: 0, id: 'e' }) as unknown as RecordedEvent;

describe('a complaint’s personal data at rest', () => {
  let testDatabase: TestDatabase;
  let personalData: PersonalData;
  let complaints: ComplaintPersonalData;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    await migrateSchema(testDatabase.database.pool);
    personalData = await PersonalData.open(testDatabase.database.pool, DeploymentKey.generate(), { cacheEntries: 0 });
    complaints = new ComplaintPersonalData(personalData);
  });
  afterAll(() => testDatabase.drop());

  it('seals the reporter’s words and contact under the complaint’s own subject, and opens them again', async () => {
    const sealed = await complaints.codec.seal(asNew(filed));
    const stored = JSON.stringify(sealed);
    for (const value of clear) expect(stored).not.toContain(value);
    expect(stored).toContain(trackingCode);
    const subject = await personalData.subjectOf({ kind: 'complaint', value: trackingCode });
    expect(subject).not.toBeNull();
    expect(stored).toContain(subject);
    expect((await complaints.codec.open(recorded(sealed))).data).toEqual(filed.data);
  });

  it('seals the answer and the objection, and leaves the OPD’s response in clear', async () => {
    const answer = await complaints.codec.seal(
      asNew({ type: 'ComplaintInfoProvided', data: { trackingCode, text: 'Loket nomor 3, Budi', on: '2025-06-03', verificationDue: '2025-06-06' } }),
    );
    expect(JSON.stringify(answer)).not.toContain('Loket nomor 3');
    const objection = await complaints.codec.seal(
      asNew({ type: 'ComplaintReopened', data: { trackingCode, text: 'Masih diminta uang', on: '2025-06-20', responseDue: '2025-06-27' } }),
    );
    expect(JSON.stringify(objection)).not.toContain('Masih diminta');
    const response = asNew({
      type: 'ComplaintResponded',
      data: { trackingCode, opdCode: 'DISDUKCAPIL', text: 'Petugas telah diberi sanksi', on: '2025-06-10', late: false, confirmDue: '2025-06-24' },
    });
    expect(await complaints.codec.seal(response)).toEqual(response);
  });

  it('reads erased fields as null, saying so', async () => {
    const other = { ...filed, data: { ...filed.data, trackingCode: 'ABCD-EFGH' } } as ComplaintEvent;
    const sealed = await complaints.codec.seal(asNew(other));
    const subject = await personalData.subjectOf({ kind: 'complaint', value: 'ABCD-EFGH' });
    await testDatabase.database.pool.query('DELETE FROM kl_personal_data_keys WHERE subject_id = $1', [subject]);
    const opened = (await complaints.codec.open(recorded(sealed))).data as Record<string, unknown>;
    expect(opened).toMatchObject({
      subject: null,
      text: null,
      location: null,
      contact: { name: null, email: null, phone: null },
      erased: true,
      trackingCode: 'ABCD-EFGH',
    });
  });
});
