import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

// Monday 2025-06-02; Friday 2025-06-06 is a holiday (HOLIDAYS), so three working days after
// the 2nd end on Thursday the 5th, and five after the 5th end on Friday the 13th.
const FILED_ON = '2025-06-02';
const complaint = (overrides: object = {}) => ({
  kind: 'PENGADUAN',
  subject: 'Jalan berlubang',
  text: 'Jalan di depan Pasar Baru berlubang dan membahayakan pengendara',
  location: 'Pasar Baru, Stabat',
  contact: { name: 'Budi Santoso', email: 'budi@example.org', phone: '+6281234567890' },
  publicText: true,
  ...overrides,
});

describe('complaints over HTTP', () => {
  const clock = new TestClock(FILED_ON);
  let testApp: TestApp;
  let database: Database;
  const as: Record<string, Headers> = {};
  const http = () => request(testApp.app.getHttpServer());

  async function file(body: object = complaint()): Promise<{ trackingCode: string; followSecret: string; position: string }> {
    const filed = await http().post('/public/v1/complaints').send(body).expect(201);
    return filed.body;
  }
  const follow = (trackingCode: string, secret: string) => http().get(`/public/v1/complaints/${trackingCode}`).set('X-Follow-Secret', secret);
  const say = (trackingCode: string, secret: string, body: object) =>
    http().post(`/public/v1/complaints/${trackingCode}/messages`).set('X-Follow-Secret', secret).send(body);
  const verify = (trackingCode: string, body: object) => http().post(`/api/v1/complaints/${trackingCode}/verify`).set(as.desk).send(body);
  const respond = (trackingCode: string, headers: Headers, text = 'Lubang sudah ditambal pada 10 Juni') =>
    http().post(`/api/v1/complaints/${trackingCode}/responses`).set(headers).send({ text });

  async function eventCount(): Promise<number> {
    const { rows } = await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events');
    return Number(rows[0].count);
  }

  beforeAll(async () => {
    testApp = await startTestApp({ HOLIDAYS: '2025-06-06', ANONYMOUS_WRITES_PER_MINUTE: '1000' }, { clock });
    database = testApp.app.get(DATABASE);
    as.admin = bearer(await tokenFor({ roles: ['admin'] }));
    as.desk = bearer(await tokenFor({ roles: ['complaint_admin'] }));
    as.dpupr = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DPUPR' }));
    as.dpuprHead = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DPUPR' }));
    as.dinkes = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' }));
    as.inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    as.dpo = bearer(await tokenFor({ roles: ['dpo'] }));
    await http().post('/api/v1/opds').set(as.admin).send({ code: 'DPUPR', name: 'Dinas PUPR' }).expect(201);
    await http().post('/api/v1/opds').set(as.admin).send({ code: 'DINKES', name: 'Dinas Kesehatan' }).expect(201);
  });
  beforeEach(() => clock.setToday(FILED_ON));
  afterAll(() => testApp.close());

  it('goes from filing to closing: a question, its answer, verification, a response, one objection, a second response, the confirmation', async () => {
    const filed = await http().post('/public/v1/complaints').send(complaint()).expect(201);
    const { trackingCode, followSecret } = filed.body;
    expect(trackingCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(Buffer.from(followSecret, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(filed.headers.location).toBe(`/public/v1/complaints/${trackingCode}`);

    const received = await follow(trackingCode, followSecret).expect(200);
    expect(received.body).toMatchObject({ status: 'RECEIVED', subject: 'Jalan berlubang', deadlines: { verificationDue: '2025-06-05' }, messages: [] });

    clock.setToday('2025-06-03');
    await verify(trackingCode, { decision: 'NEEDS_INFO', question: 'Di sisi mana lubangnya?' }).expect(200);
    expect((await follow(trackingCode, followSecret).expect(200)).body).toMatchObject({
      status: 'NEEDS_INFO',
      messages: [{ from: 'ADMIN', kind: 'QUESTION', text: 'Di sisi mana lubangnya?', on: '2025-06-03' }],
    });
    await say(trackingCode, followSecret, { text: 'Sisi timur, dekat gerbang' }).expect(200);

    clock.setToday('2025-06-05');
    await verify(trackingCode, { decision: 'VERIFIED', opdCode: 'DPUPR', responseClass: 'INFORMATION' }).expect(200);
    expect((await follow(trackingCode, followSecret).expect(200)).body).toMatchObject({
      status: 'VERIFIED',
      opdCode: 'DPUPR',
      deadlines: { responseDue: '2025-06-13' },
    });
    // Another unit cannot answer for DPUPR.
    await respond(trackingCode, as.dinkes).expect(403);
    clock.setToday('2025-06-10');
    await respond(trackingCode, as.dpupr).expect(200);
    // One objection, with a new deadline of the same class.
    await say(trackingCode, followSecret, { object: true, text: 'Masih ada lubang di sisi barat' }).expect(200);
    expect((await follow(trackingCode, followSecret).expect(200)).body).toMatchObject({ status: 'REOPENED', deadlines: { responseDue: '2025-06-17' } });
    clock.setToday('2025-06-12');
    await respond(trackingCode, as.dpuprHead, 'Sisi barat ditambal 12 Juni').expect(200);
    const twice = await say(trackingCode, followSecret, { object: true, text: 'Masih belum rapi' }).expect(422);
    expect(twice.body.code).toBe('ALREADY_OBJECTED');
    await say(trackingCode, followSecret, { confirm: true }).expect(200);

    const closed = await follow(trackingCode, followSecret).expect(200);
    expect(closed.body.status).toBe('CLOSED');
    expect(closed.body.messages).toEqual([
      { from: 'ADMIN', kind: 'QUESTION', text: 'Di sisi mana lubangnya?', on: '2025-06-03' },
      { from: 'REPORTER', kind: 'ANSWER', text: 'Sisi timur, dekat gerbang', on: '2025-06-03' },
      { from: 'OPD', kind: 'RESPONSE', text: 'Lubang sudah ditambal pada 10 Juni', on: '2025-06-10', late: false },
      { from: 'REPORTER', kind: 'OBJECTION', text: 'Masih ada lubang di sisi barat', on: '2025-06-10' },
      { from: 'OPD', kind: 'RESPONSE', text: 'Sisi barat ditambal 12 Juni', on: '2025-06-12', late: false },
      { from: 'REPORTER', kind: 'CONFIRMATION', text: null, on: '2025-06-12' },
    ]);
    // Who answered is never shown to the reporter.
    expect(JSON.stringify(closed.body)).not.toMatch(/user-|opd_operator|opd_head|complaint_admin/);

    // The reporter's words and contact are ciphertext in the log; the unit's response is the government's, in clear.
    const { rows } = await database.pool.query<{ data: string }>(`SELECT data::text AS data FROM kl_events WHERE stream_name = $1`, [
      `complaint-${trackingCode}`,
    ]);
    const log = rows.map((row) => row.data).join('\n');
    expect(log).not.toMatch(/Jalan berlubang|Pasar Baru|Budi|budi@example|6281234567890|Sisi timur|sisi barat ditambal|Masih ada lubang/);
    expect(log).toMatch(/Lubang sudah ditambal/);
    expect(log).not.toContain(followSecret);

    // The inspectorate reads the history with the reporter's words, never the contact or the hash; no unit reads it.
    const history = await http().get(`/api/v1/history/complaint/${trackingCode}`).set(as.inspector).expect(200);
    expect(history.body.items.map((item: { type: string }) => item.type)).toEqual([
      'ComplaintFiled',
      'ComplaintInfoRequested',
      'ComplaintInfoProvided',
      'ComplaintVerified',
      'ComplaintResponded',
      'ComplaintReopened',
      'ComplaintResponded',
      'ComplaintConfirmed',
    ]);
    expect(history.body.items[0].data).toMatchObject({ subject: 'Jalan berlubang', location: 'Pasar Baru, Stabat' });
    expect(JSON.stringify(history.body)).not.toMatch(/Budi|budi@example|6281234567890|scrypt/);
    await http().get(`/api/v1/history/complaint/${trackingCode}`).set(as.dpupr).expect(403);
    const integrity = await http().get(`/api/v1/integrity/streams/complaint/${trackingCode}`).set(as.inspector).expect(200);
    expect(integrity.body).toMatchObject({ valid: true, events: 8 });
  });

  it('answers a wrong secret, an unknown code, a malformed code and a missing secret with the same 404', async () => {
    const { trackingCode, followSecret } = await file();
    const answers = await Promise.all([
      follow(trackingCode, `${followSecret.slice(0, -2)}xx`),
      follow(trackingCode === 'ZZZZ-ZZZZ' ? 'YYYY-YYYY' : 'ZZZZ-ZZZZ', followSecret),
      follow('not-a-code', followSecret),
      http().get(`/public/v1/complaints/${trackingCode}`),
      say(trackingCode, 'wrong', { confirm: true }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ code: 'NOT_FOUND', detail: 'No such complaint' });
    }
    // The code as typed: lower case and blanks around it are the same code.
    await follow(` ${trackingCode.toLowerCase()} `, followSecret).expect(200);
  });

  it('lands a retried filing once and shows its secret only the first time', async () => {
    const before = await eventCount();
    const first = await http().post('/public/v1/complaints').set('Idempotency-Key', 'lapor-1').send(complaint()).expect(201);
    const retry = await http().post('/public/v1/complaints').set('Idempotency-Key', 'lapor-1').send(complaint()).expect(201);
    expect(retry.body).toMatchObject({ trackingCode: first.body.trackingCode, followSecret: null });
    expect(first.body.followSecret).toEqual(expect.any(String));
    expect(await eventCount()).toBe(before + 1);
    const { rows } = await database.pool.query<{ body: string }>('SELECT body::text AS body FROM kl_idempotency_keys');
    expect(rows.map((row) => row.body).join('\n')).not.toContain(first.body.followSecret);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const before = await eventCount();
    const bad = [
      complaint({ kind: 'GOSSIP' }),
      complaint({ subject: '   ' }),
      complaint({ text: 'x'.repeat(5_001) }),
      complaint({ contact: { email: 'not-an-address' } }),
      complaint({ publicText: 'maybe' }),
      complaint({ opdCode: 'dpupr!' }),
    ];
    for (const body of bad) await http().post('/public/v1/complaints').send(body).expect(400);
    await http()
      .post('/public/v1/complaints')
      .send(complaint({ opdCode: 'NOPE' }))
      .expect(422);
    const { trackingCode, followSecret } = await file();
    await say(trackingCode, followSecret, { confirm: true, text: 'both' }).expect(400);
    await say(trackingCode, followSecret, {}).expect(400);
    await verify(trackingCode, { decision: 'VERIFIED', opdCode: 'DPUPR' }).expect(400);
    await verify(trackingCode, { decision: 'ARCHIVED', reason: 'BORING' }).expect(400);
    expect(await eventCount()).toBe(before + 1);
  });

  it('closes a response the reporter leaves unanswered for 10 working days, judged on read', async () => {
    const { trackingCode, followSecret } = await file();
    await verify(trackingCode, { decision: 'VERIFIED', opdCode: 'DPUPR', responseClass: 'INFORMATION' }).expect(200);
    const responded = await respond(trackingCode, as.dpupr).expect(200);
    // 2025-06-02 + 10 working days, the 6th a holiday: the 17th.
    expect((await follow(trackingCode, followSecret).expect(200)).body).toMatchObject({ status: 'RESPONDED', deadlines: { confirmDue: '2025-06-17' } });
    clock.setToday('2025-06-17');
    expect((await follow(trackingCode, followSecret).expect(200)).body.status).toBe('RESPONDED');
    clock.setToday('2025-06-18');
    expect((await follow(trackingCode, followSecret).expect(200)).body.status).toBe('CLOSED');
    await say(trackingCode, followSecret, { confirm: true }).expect(422);
    const closed = await http().get('/api/v1/complaints?state=CLOSED').set(as.desk).set('X-Min-Position', responded.body.position).expect(200);
    expect(closed.body.items.map((item: { trackingCode: string }) => item.trackingCode)).toContain(trackingCode);
  });

  it('raises COMPLAINT_VERIFICATION_LATE and COMPLAINT_RESPONSE_LATE in the register, and keeps them once settled late', async () => {
    const { trackingCode } = await file(complaint({ opdCode: 'DINKES' }));
    clock.setToday('2025-06-09');
    const verified = await verify(trackingCode, { decision: 'VERIFIED', opdCode: 'DINKES', responseClass: 'INFORMATION' }).expect(200);
    const flags = async (today: string) => {
      clock.setToday(today);
      const answer = await http().get('/api/v1/dashboards/red-flags?opd=DINKES').set(as.inspector).set('X-Min-Position', verified.body.position).expect(200);
      return (answer.body.items as Array<{ code: string; stream: string; dueDate: string }>).filter((flag) => flag.stream === `complaint-${trackingCode}`);
    };
    // Verified on the 9th, after its due day (the 5th): late, for good.
    expect(await flags('2025-06-09')).toEqual([expect.objectContaining({ code: 'COMPLAINT_VERIFICATION_LATE', dueDate: '2025-06-05' })]);
    // The response is due on the 16th: late from the 17th, without a new event.
    expect((await flags('2025-06-16')).map((flag) => flag.code)).toEqual(['COMPLAINT_VERIFICATION_LATE']);
    expect((await flags('2025-06-17')).map((flag) => flag.code)).toEqual(['COMPLAINT_VERIFICATION_LATE', 'COMPLAINT_RESPONSE_LATE']);
    const list = await http().get('/api/v1/complaints?late=true').set(as.dinkes).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ trackingCode, responseLate: true, verificationLate: false, contact: null })]);
  });

  it('lists every complaint for the desk with contacts, a unit’s own without them, and nothing for anyone else', async () => {
    const { trackingCode, position } = await file(complaint({ opdCode: 'DPUPR', subject: 'Lampu jalan mati' }));
    const desk = await http().get('/api/v1/complaints?opd=DPUPR').set(as.desk).set('X-Min-Position', position).expect(200);
    expect(desk.body.items.find((item: { trackingCode: string }) => item.trackingCode === trackingCode)).toMatchObject({
      subject: 'Lampu jalan mati',
      contact: { name: 'Budi Santoso', email: 'budi@example.org', phone: '+6281234567890' },
    });
    expect(JSON.stringify(desk.body)).not.toMatch(/followSecretHash|scrypt\$/);
    const unit = await http().get('/api/v1/complaints').set(as.dpupr).expect(200);
    const own = unit.body.items.find((item: { trackingCode: string }) => item.trackingCode === trackingCode);
    expect(own).toMatchObject({ subject: 'Lampu jalan mati', contact: null });
    expect(unit.body.items.every((item: { opdCode: string }) => item.opdCode === 'DPUPR')).toBe(true);
    await http().get('/api/v1/complaints?opd=DPUPR').set(as.dinkes).expect(403);
    await http().get(`/api/v1/complaints/${trackingCode}`).set(as.dinkes).expect(404);
    await http().get(`/api/v1/complaints/${trackingCode}`).set(as.dpupr).expect(200);
    for (const headers of [as.inspector, as.admin, as.dpo]) await http().get('/api/v1/complaints').set(headers).expect(403);
    await http().get('/api/v1/complaints').expect(401);
    await verify(trackingCode, { decision: 'NOT_AUTHORITY', reason: 'Jalan nasional', referral: 'BPJN Sumut' }).set(as.dpupr).expect(403);
  });

  it('counts a unit’s complaints for the public and its scorecard, without a word of them', async () => {
    const answered = await file(complaint({ opdCode: 'DINKES', subject: 'Antrean panjang' }));
    await verify(answered.trackingCode, { decision: 'VERIFIED', opdCode: 'DINKES', responseClass: 'NO_FIELD_CHECK' }).expect(200);
    clock.setToday('2025-06-11');
    // Verified on the 2nd, responded on the 11th: the 3rd, 4th, 5th, 9th, 10th and 11th, six working days.
    const last = await respond(answered.trackingCode, as.dinkes, 'Loket ditambah').expect(200);
    const figures = await http().get('/public/v1/participation/DINKES/2025').set('X-Min-Position', last.body.position).expect(200);
    expect(figures.body.complaints).toMatchObject({ respondedOnTime: expect.any(Number), medianWorkingDaysToResponse: expect.any(Number) });
    expect(figures.body.complaints.received).toBeGreaterThanOrEqual(figures.body.complaints.verified);
    const scorecard = await http().get('/api/v1/dashboards/opds/DINKES/2025').set(as.inspector).expect(200);
    expect(scorecard.body.participation.complaints).toEqual(figures.body.complaints);
    expect(JSON.stringify(figures.body)).not.toMatch(/Antrean|Budi|budi@example|Loket/);

    // A unit of its own, so the figures are exactly this test's.
    await http().post('/api/v1/opds').set(as.admin).send({ code: 'DISDIK', name: 'Dinas Pendidikan' }).expect(201);
    clock.setToday(FILED_ON);
    const onTime = await file(complaint({ opdCode: 'DISDIK' }));
    const late = await file(complaint({ opdCode: 'DISDIK' }));
    await file(complaint({ opdCode: 'DISDIK' }));
    await verify(onTime.trackingCode, { decision: 'VERIFIED', opdCode: 'DISDIK', responseClass: 'INFORMATION' }).expect(200);
    await verify(late.trackingCode, { decision: 'VERIFIED', opdCode: 'DISDIK', responseClass: 'INFORMATION' }).expect(200);
    const disdik = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DISDIK' }));
    clock.setToday('2025-06-04');
    await respond(onTime.trackingCode, disdik).expect(200);
    clock.setToday('2025-06-16');
    const final = await respond(late.trackingCode, disdik).expect(200);
    const counted = await http().get('/public/v1/participation/DISDIK/2025').set('X-Min-Position', final.body.position).expect(200);
    // Two working days and nine (the 6th a holiday): the median is 5.5; one of two on time.
    expect(counted.body.complaints).toEqual({
      received: 3,
      verified: 2,
      responsesDue: 2,
      respondedOnTime: 1,
      respondedOnTimePercent: 50,
      medianWorkingDaysToResponse: 5.5,
    });

    // And the LKE's "Pengaduan masyarakat ditindaklanjuti" (YA_TIDAK) is suggested from them: not all on time, TIDAK.
    const head = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DISDIK' }));
    const declaration = { target: 'WBK', declaredOn: '2025-01-20', documentUrl: 'https://disdik.example.go.id/piagam.pdf', documentSha256: 'c'.repeat(64) };
    const declared = await http()
      .post('/api/v1/zi/DISDIK.UPT-SMP1/2025')
      .set(head)
      .send({ ...declaration, team: [{ position: 'Kepala Sekolah', duty: 'Penanggung jawab' }] })
      .expect(201);
    const sheet = await http().get('/api/v1/zi/DISDIK.UPT-SMP1/2025/lke').set(as.inspector).set('X-Min-Position', declared.body.position).expect(200);
    expect(sheet.body.items.find((item: { code: string }) => item.code === 'PW.P.3b')).toMatchObject({
      ledgerSource: 'COMPLAINTS_ON_TIME',
      suggested: 'TIDAK',
      evidence: { links: ['/public/v1/participation/DISDIK/2025'], basis: '1 of 2 complaints responded to by their deadline' },
    });
  });

  it('shows a verified complaint the reporter made public, and the unit’s responses, in the public feed; never the contact, never a private one', async () => {
    clock.setToday('2025-07-01');
    const shown = await file(complaint({ subject: 'Drainase tersumbat', text: 'Air meluap ke jalan saat hujan' }));
    const kept = await file(complaint({ subject: 'Pungutan liar di loket', publicText: false }));
    // Made public by its reporter, kept off the feed by the desk: it names a person.
    const withheld = await file(complaint({ subject: 'Ulah tetangga Pak Darto' }));
    await verify(withheld.trackingCode, { decision: 'VERIFIED', opdCode: 'DPUPR', responseClass: 'INFORMATION', withholdFromPublic: true }).expect(200);
    await respond(withheld.trackingCode, as.dpupr, 'Sudah ditegur').expect(200);
    expect((await follow(withheld.trackingCode, withheld.followSecret).expect(200)).body.publicText).toBe(false);
    await verify(shown.trackingCode, { decision: 'VERIFIED', opdCode: 'DPUPR', responseClass: 'FIELD_CHECK' }).expect(200);
    await verify(kept.trackingCode, { decision: 'VERIFIED', opdCode: 'DPUPR', responseClass: 'FIELD_CHECK' }).expect(200);
    await respond(kept.trackingCode, as.dpupr, 'Petugas loket ditegur').expect(200);
    const last = await respond(shown.trackingCode, as.dpupr, 'Saluran dibersihkan 2 Juli').expect(200);
    const feed = async () => {
      // Only this test's items: those after its first filing.
      const page = await http().get(`/public/v1/feed?limit=500&after=${shown.position}`).set('X-Min-Position', last.body.position).expect(200);
      return page.body.items.filter((item: { type: string }) => item.type.startsWith('COMPLAINT_'));
    };
    const items = await feed();
    expect(items.map((item: { type: string; details: { subject: string } }) => [item.type, item.details.subject])).toEqual([
      ['COMPLAINT_VERIFIED', 'Drainase tersumbat'],
      ['COMPLAINT_RESPONDED', 'Drainase tersumbat'],
    ]);
    expect(items[0]).toMatchObject({ opdCode: 'DPUPR', year: 2025, details: { text: 'Air meluap ke jalan saat hujan', responseClass: 'FIELD_CHECK' } });
    expect(items[1]).toMatchObject({ summary: 'Saluran dibersihkan 2 Juli', details: { late: false } });
    const text = JSON.stringify(
      await http()
        .get('/public/v1/feed?limit=500')
        .expect(200)
        .then((page) => page.body),
    );
    expect(text).not.toMatch(
      new RegExp(`Budi|budi@example|6281234567890|Pungutan liar|Petugas loket|Darto|Sudah ditegur|${shown.trackingCode}|${kept.trackingCode}`),
    );
    const atom = await http().get('/public/v1/feed.atom').expect(200);
    expect(atom.text).toContain('DPUPR menanggapi pengaduan masyarakat');
    expect(atom.text).not.toMatch(/Budi|Pungutan liar/);

    await http()
      .post('/api/v1/personal-data/erasures')
      .set(as.dpo)
      .send({ subject: { complaint: shown.trackingCode }, legalBasis: 'UU 27/2022 pasal 8', reason: 'Permintaan pelapor' })
      .expect(201);
    const erased = await feed();
    expect(erased.map((item: { details: { subject: string | null } }) => item.details.subject)).toEqual([null, null]);
    expect(JSON.stringify(erased)).not.toMatch(/Drainase|Air meluap/);
  });

  it('erases a reporter’s words and contact through the erasure endpoint, keeping the clocks and counts', async () => {
    const { trackingCode, followSecret, position } = await file(complaint({ opdCode: 'DPUPR', subject: 'Sampah menumpuk' }));
    await http()
      .post('/api/v1/personal-data/erasures')
      .set(as.dpo)
      .send({ subject: { complaint: trackingCode }, legalBasis: 'UU 27/2022 pasal 8', reason: 'Permintaan pelapor' })
      .expect(201);
    const followed = await follow(trackingCode, followSecret).expect(200);
    expect(followed.body).toMatchObject({ status: 'RECEIVED', subject: null, text: null, location: null, erased: true });
    const listed = await http().get(`/api/v1/complaints/${trackingCode}`).set(as.desk).set('X-Min-Position', position).expect(200);
    expect(listed.body).toMatchObject({ subject: null, text: null, contact: { name: null, email: null, phone: null }, erased: true });
    await http()
      .post('/api/v1/personal-data/erasures')
      .set(as.dpo)
      .send({ subject: { complaint: 'ZZZZ-ZZZ2' }, legalBasis: 'UU 27/2022', reason: 'Tidak ada' })
      .expect(404);
  });
});

describe('complaints from one address', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp({ ANONYMOUS_WRITES_PER_MINUTE: '5' });
  });
  afterAll(() => testApp.close());

  it('are limited under a flood: the sixth and later are 429 problems, nothing is written for them, and a signed-in read still answers', async () => {
    const inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    const flood = Array.from({ length: 40 }, () => http().post('/public/v1/complaints').send(complaint()));
    const read = http().get('/api/v1/opds').set(inspector);
    const [answers, duringFlood] = await Promise.all([Promise.all(flood), read]);
    expect(duringFlood.status).toBe(200);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(35);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    const database = testApp.app.get<Database>(DATABASE);
    const { rows } = await database.pool.query<{ count: string }>(`SELECT count(*) AS count FROM kl_events WHERE event_type = 'ComplaintFiled'`);
    expect(Number(rows[0].count)).toBe(5);
    // Survey answers are counted apart: a complaint flood does not use them up.
    const surveys = await http().get('/public/v1/surveys').expect(200);
    expect(surveys.status).toBe(200);
  });
});
