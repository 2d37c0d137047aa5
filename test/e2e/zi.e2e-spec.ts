import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;
interface TemplateItem {
  code: string;
  part: string;
  answerType: string;
}
type Value = string | number | { numerator: number; denominator: number };

const SHA = 'c'.repeat(64);
const declaration = (target = 'WBK') => ({
  target,
  declaredOn: '2025-01-20',
  documentUrl: 'https://dinkes.example.go.id/zi/piagam.pdf',
  documentSha256: SHA,
  team: [
    { position: 'Kepala Puskesmas', duty: 'Penanggung jawab' },
    { position: 'Kepala Subbagian Tata Usaha', duty: 'Koordinator area manajemen perubahan' },
  ],
});

/** The best answer each answer type takes. */
const BEST: Record<string, Value> = { YA_TIDAK: 'YA', ABC: 'A', ABCD: 'A', ABCDE: 'A', PERCENT: { numerator: 1, denominator: 1 }, SURVEY: 4 };

describe('Zona Integritas over HTTP', () => {
  const clock = new TestClock('2025-01-20');
  let testApp: TestApp;
  let database: Database;
  let admin: Headers;
  let inspector: Headers;
  let items: TemplateItem[];
  const as: Record<string, { operator: Headers; head: Headers }> = {};
  const http = () => request(testApp.app.getHttpServer());
  const zi = (unit: string, year = 2025) => `/api/v1/zi/${unit}/${year}`;

  async function eventCount(): Promise<number> {
    const { rows } = await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events');
    return Number(rows[0].count);
  }

  /** Every item answered with its best value, but for the ones `overrides` names, each with a note (the ledger may suggest less). */
  const answers = (overrides: Record<string, Value> = {}) =>
    items.map((item) => ({ itemCode: item.code, value: overrides[item.code] ?? BEST[item.answerType], note: 'Bukti terlampir' }));

  /** A unit of `code` declared, self-assessed with `self` and evaluated by the TPI with `tpi`. */
  async function evaluated(unit: string, year: number, tpi: Record<string, Value> = {}, target = 'WBK') {
    const code = unit.split('.')[0];
    await http().post(zi(unit, year)).set(as[code].head).send(declaration(target)).expect(201);
    await http()
      .put(`${zi(unit, year)}/lke/answers`)
      .set(as[code].operator)
      .send({ answers: answers() })
      .expect(200);
    await http()
      .post(`${zi(unit, year)}/submit`)
      .set(as[code].head)
      .expect(200);
    await http()
      .put(`${zi(unit, year)}/tpi/answers`)
      .set(inspector)
      .send({ answers: answers(tpi) })
      .expect(200);
    return http()
      .post(`${zi(unit, year)}/tpi/evaluate`)
      .set(inspector)
      .expect(200);
  }

  beforeAll(async () => {
    testApp = await startTestApp({}, { clock });
    database = testApp.app.get(DATABASE);
    admin = bearer(await tokenFor({ roles: ['admin'] }));
    inspector = bearer(await tokenFor({ roles: ['inspector'], name: 'Inspektur Pembantu' }));
    for (const code of ['DINKES', 'DISDIK', 'DISHUB']) {
      as[code] = { operator: bearer(await tokenFor({ roles: ['opd_operator'], opd: code })), head: bearer(await tokenFor({ roles: ['opd_head'], opd: code })) };
      await http()
        .post('/api/v1/opds')
        .set(admin)
        .send({ code, name: `Unit ${code}` })
        .expect(201);
    }
    items = (await http().get('/api/v1/zi/templates/current').set(inspector).expect(200)).body.items;
  });
  afterAll(() => testApp.close());

  it('serves the LKE template in force with its SHA-256 and the weights of docs/domain.md', async () => {
    const template = (await http().get('/api/v1/zi/templates/current').set(as.DINKES.operator).expect(200)).body;
    expect(template).toMatchObject({ id: 'LKE-ZI-PERMENPANRB-90-2021', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), hasilWeight: 40 });
    const weightOf = (part: string) =>
      template.items.filter((item: TemplateItem) => item.part === part).reduce((sum: number, item: { weight: number }) => sum + item.weight, 0);
    expect([weightOf('PEMENUHAN'), weightOf('REFORM'), weightOf('HASIL')].map((weight) => Math.round(weight * 100) / 100)).toEqual([30, 30, 40]);
  });

  it('walks a unit from declaration to award, with returns, and keeps every step in its history', async () => {
    const unit = 'DINKES.PKM-STABAT';
    const declared = await http().post(zi(unit)).set(as.DINKES.head).send(declaration()).expect(201);
    expect(declared.body).toMatchObject({ id: 'DINKES.PKM-STABAT-2025', revision: 0 });
    expect(declared.headers.location).toBe('/api/v1/zi/DINKES.PKM-STABAT/2025');
    await http().post(zi(unit)).set(as.DINKES.head).send(declaration()).expect(409);

    await http()
      .put(`${zi(unit)}/action-plan`)
      .set(as.DINKES.operator)
      .send({ activities: [{ code: 'MP-1', area: 'MANAJEMEN_PERUBAHAN', description: 'Sosialisasi ZI', output: 'Notulen', dueDate: '2025-03-31' }] })
      .expect(200);
    await http()
      .post(`${zi(unit)}/action-plan/MP-1/progress`)
      .set(as.DINKES.operator)
      .send({ date: '2025-02-10', status: 'IN_PROGRESS', evidence: [{ url: 'https://dinkes.example.go.id/zi/notulen.pdf', sha256: SHA }] })
      .expect(201);

    clock.setToday('2025-04-02');
    const partial = await http()
      .put(`${zi(unit)}/lke/answers`)
      .set(as.DINKES.operator)
      .send({ answers: answers().slice(2) })
      .expect(200);
    let record = (await http().get(zi(unit)).set(as.DINKES.head).set('X-Min-Position', partial.body.position).expect(200)).body;
    expect(record.activities[0]).toMatchObject({ status: 'IN_PROGRESS', overdue: true });
    expect(record.flags.filter((flag: { code: string }) => flag.code === 'ZI_ACTIVITY_OVERDUE')).toEqual([
      { code: 'ZI_ACTIVITY_OVERDUE', activityCode: 'MP-1', dueDate: '2025-03-31' },
    ]);

    const before = await eventCount();
    const incomplete = await http()
      .post(`${zi(unit)}/submit`)
      .set(as.DINKES.head)
      .expect(422);
    expect(incomplete.body).toMatchObject({ code: 'LKE_INCOMPLETE', items: items.slice(0, 2).map((item) => item.code) });
    expect(await eventCount()).toBe(before);

    await http()
      .put(`${zi(unit)}/lke/answers`)
      .set(as.DINKES.operator)
      .send({ answers: answers() })
      .expect(200);
    await http()
      .post(`${zi(unit)}/submit`)
      .set(as.DINKES.operator)
      .expect(403);
    await http()
      .post(`${zi(unit)}/submit`)
      .set(as.DINKES.head)
      .expect(200);
    await http()
      .put(`${zi(unit)}/lke/answers`)
      .set(as.DINKES.operator)
      .send({ answers: answers() })
      .expect(422);

    await http()
      .post(`${zi(unit)}/tpi/return`)
      .set(inspector)
      .send({ notes: '  ' })
      .expect(400);
    await http()
      .post(`${zi(unit)}/tpi/return`)
      .set(inspector)
      .send({ notes: 'Bukti SOP belum lengkap' })
      .expect(200);
    await http()
      .post(`${zi(unit)}/submit`)
      .set(as.DINKES.head)
      .expect(200);
    await http()
      .put(`${zi(unit)}/tpi/answers`)
      .set(inspector)
      .send({ answers: answers({ IPKP: 3.2 }) })
      .expect(200);
    const evaluation = await http()
      .post(`${zi(unit)}/tpi/evaluate`)
      .set(inspector)
      .expect(200);
    // IPKP 3.2 of 4 on 17.5 is 14: the WBK minimum exactly, and short of WBBM's 15.75.
    expect(evaluation.body).toMatchObject({ scores: { total: 96.5, pengungkit: 60, hasil: 36.5, results: { IPKP: 14 } }, meets: { WBK: true, WBBM: false } });
    expect(evaluation.body.shortfalls.WBBM).toEqual([{ rule: 'IPKP', required: 15.75, actual: 14 }]);

    const notYet = await http()
      .post(`${zi(unit)}/propose`)
      .set(admin)
      .expect(422);
    expect(notYet.body.code).toBe('PREREQUISITE_NOT_MET');
    await http().put('/api/v1/zi/prerequisites/2025').set(admin).send({ bpkOpinion: 'WTP', sakipGrade: 'BB', indeksRbGrade: 'B' }).expect(200);
    await http()
      .post(`${zi(unit)}/propose`)
      .set(admin)
      .expect(200);
    await http()
      .post(`${zi(unit)}/outcome`)
      .set(admin)
      .send({ outcome: 'AWARDED', predikat: 'WBK' })
      .expect(400);
    const award = await http()
      .post(`${zi(unit)}/outcome`)
      .set(admin)
      .send({ outcome: 'AWARDED', predikat: 'WBK', decreeNumber: 'B/123/M.RB.06/2025', decreeDate: '2025-12-10' })
      .expect(200);

    record = (await http().get(zi(unit)).set(inspector).set('X-Min-Position', award.body.position).expect(200)).body;
    expect(record).toMatchObject({
      stage: 'AWARDED',
      target: 'WBK',
      outcome: { predikat: 'WBK', decreeNumber: 'B/123/M.RB.06/2025' },
      proposedOn: '2025-04-02',
    });
    expect(record.selfAssessment.scores.total).toBe(100);
    expect(record.evaluation.template).toEqual({ id: 'LKE-ZI-PERMENPANRB-90-2021', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(record.differences.PELAYANAN_PUBLIK).toBe(0);
    expect(record.returns).toEqual([expect.objectContaining({ notes: 'Bukti SOP belum lengkap', from: 'SELF_ASSESSED' })]);

    const past = (
      await http()
        .get(`${zi(unit)}?asOf=${encodeURIComponent(record.returns[0].at)}`)
        .set(as.DINKES.head)
        .expect(200)
    ).body;
    expect(past.stage).toBe('RETURNED');

    const history = (await http().get(`/api/v1/history/zi/${unit}-2025`).set(as.DINKES.head).expect(200)).body;
    expect(history.items.map((item: { type: string }) => item.type)).toEqual([
      'ZiDeclared',
      'ZiActionPlanSet',
      'ZiProgressReported',
      'ZiSelfAnswered',
      'ZiSelfAnswered',
      'ZiSelfAssessed',
      'ZiReturned',
      'ZiSelfAssessed',
      'ZiTpiAnswered',
      'ZiEvaluated',
      'ZiProposed',
      'ZiAwarded',
    ]);
    expect(history.items.at(-1).actor).toMatchObject({ roles: ['admin'] });
    await http().get(`/api/v1/history/zi/${unit}-2025`).set(as.DISDIK.head).expect(403);
    expect((await http().get(`/api/v1/integrity/streams/zi/${unit}-2025`).set(inspector).expect(200)).body).toEqual({ valid: true, events: 12 });

    // WBBM the next year stands on this WBK; once it is revoked, it no longer does.
    clock.setToday('2026-01-15');
    await http().post(zi(unit, 2026)).set(as.DINKES.head).send(declaration('WBBM')).expect(201);
    const revoked = await http()
      .post(`${zi(unit)}/revoke`)
      .set(admin)
      .send({ reason: 'Pegawai terjaring OTT' })
      .expect(200);
    await http().get(zi(unit)).set(inspector).set('X-Min-Position', revoked.body.position).expect(200);
    const refused = await http().post(zi(unit, 2027)).set(as.DINKES.head).send(declaration('WBBM')).expect(422);
    expect(refused.body.code).toBe('WBK_REQUIRED');
    const revocation = (await http().get(`/api/v1/history/zi/${unit}-2025`).set(inspector).expect(200)).body.items.at(-1);
    expect(revocation).toMatchObject({ type: 'ZiRevoked', reason: 'Pegawai terjaring OTT' });
  });

  it('refuses WBBM without an earlier WBK', async () => {
    const refused = await http().post(zi('DISDIK')).set(as.DISDIK.head).send(declaration('WBBM')).expect(422);
    expect(refused.body.code).toBe('WBK_REQUIRED');
  });

  it('refuses a proposal below the thresholds, naming the shortfalls', async () => {
    clock.setToday('2025-05-01');
    const evaluation = await evaluated('DISHUB', 2025, { IPAK: 2, 'PP.R': 'D' });
    expect(evaluation.body.meets).toEqual({ WBK: false, WBBM: false });
    await http().put('/api/v1/zi/prerequisites/2025').set(admin).send({ bpkOpinion: 'WTP', sakipGrade: 'BB', indeksRbGrade: 'B' }).expect(200);
    const refused = await http()
      .post(`${zi('DISHUB')}/propose`)
      .set(admin)
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'THRESHOLD_NOT_MET' });
    expect(refused.body.shortfalls).toEqual([
      { rule: 'AREA_SHARE:PELAYANAN_PUBLIK', required: 60, actual: 50 },
      { rule: 'IPAK', required: 15.75, actual: 8.75 },
    ]);
  });

  it('refuses bad answers with a 400 and writes nothing', async () => {
    clock.setToday('2025-02-01');
    await http().post(zi('DISDIK.UPT-SMP1')).set(as.DISDIK.head).send(declaration()).expect(201);
    const before = await eventCount();
    const unknown = await http()
      .put(`${zi('DISDIK.UPT-SMP1')}/lke/answers`)
      .set(as.DISDIK.operator)
      .send({ answers: [{ itemCode: 'NOPE', value: 'A' }] })
      .expect(400);
    expect(unknown.body.detail).toMatch(/NOPE/);
    await http()
      .put(`${zi('DISDIK.UPT-SMP1')}/lke/answers`)
      .set(as.DISDIK.operator)
      .send({ answers: [{ itemCode: 'IPAK', value: 5 }] })
      .expect(400);
    await http()
      .put(`${zi('DISDIK.UPT-SMP1')}/lke/answers`)
      .set(as.DISDIK.operator)
      .send({ answers: [{ itemCode: 'IPAK', value: [] }] })
      .expect(400);
    await http()
      .put(`${zi('DISDIK.UPT-SMP1')}/lke/answers`)
      .set(as.DISDIK.operator)
      .send({ answers: [{ itemCode: 'MP.P.1a', value: 'YA', extra: 1 }] })
      .expect(400);
    await http().post(zi('disdik.x')).set(as.DISDIK.head).send(declaration()).expect(400);
    await http()
      .post(zi('DISDIK.UPT-SMP2'))
      .set(as.DISDIK.head)
      .send({ ...declaration(), documentSha256: 'xyz' })
      .expect(400);
    await http()
      .put(`${zi('DISDIK.UPT-SMP1')}/lke/answers`)
      .set(as.DINKES.operator)
      .send({ answers: [{ itemCode: 'IPAK', value: 3 }] })
      .expect(403);
    expect(await eventCount()).toBe(before);
    await http().get(zi('DISDIK.UPT-SMP1')).set(as.DINKES.head).expect(403);
    await http().get(zi('DISDIK.UPT-SMP9')).set(inspector).expect(404);
  });

  it('shows the LKE sheet with both answers and the scores as they stand', async () => {
    clock.setToday('2025-06-01');
    const write = await http()
      .put(`${zi('DISDIK.UPT-SMP1')}/lke/answers`)
      .set(as.DISDIK.operator)
      .send({ answers: [{ itemCode: 'IPAK', value: 3.6, note: 'Survei Mei' }] })
      .expect(200);
    const sheet = (
      await http()
        .get(`${zi('DISDIK.UPT-SMP1')}/lke`)
        .set(as.DISDIK.operator)
        .set('X-Min-Position', write.body.position)
        .expect(200)
    ).body;
    expect(sheet.template.id).toBe('LKE-ZI-PERMENPANRB-90-2021');
    expect(sheet.items.find((item: TemplateItem) => item.code === 'IPAK')).toMatchObject({ answer: 3.6, note: 'Survei Mei', tpi: null, weight: 17.5 });
    expect(sheet.scores.self).toMatchObject({ total: 15.75, hasil: 15.75, pengungkit: 0 });
  });

  it('lists overdue activities in the inspectorate’s red-flag register until they are done or dropped', async () => {
    const unit = 'DINKES.PKM-FLAG';
    clock.setToday('2025-02-01');
    await http().post(zi(unit)).set(as.DINKES.head).send(declaration()).expect(201);
    const activity = (code: string, dueDate: string) => ({ code, area: 'PENATAAN_SDM', description: `Kegiatan ${code}`, output: 'Laporan', dueDate });
    await http()
      .put(`${zi(unit)}/action-plan`)
      .set(as.DINKES.operator)
      .send({ activities: [activity('SDM-1', '2025-03-31'), activity('SDM-2', '2025-04-30'), activity('SDM-3', '2025-12-31')] })
      .expect(200);
    const flags = async (position: string, query = '') =>
      (await http().get(`/api/v1/dashboards/red-flags?code=ZI_ACTIVITY_OVERDUE&opd=DINKES${query}`).set(inspector).set('X-Min-Position', position).expect(200))
        .body;
    const ofUnit = (page: { items: Array<{ stream: string; activityCode: string }> }) =>
      page.items.filter((flag) => flag.stream === `zi-${unit}-2025`).map((flag) => flag.activityCode);

    clock.setToday('2025-03-31');
    let write = await http()
      .post(`${zi(unit)}/action-plan/SDM-1/progress`)
      .set(as.DINKES.operator)
      .send({ date: '2025-03-30', status: 'IN_PROGRESS', evidence: [] })
      .expect(201);
    expect(ofUnit(await flags(write.body.position))).toEqual([]);
    clock.setToday('2025-05-02');
    expect(ofUnit(await flags(write.body.position))).toEqual(['SDM-1', 'SDM-2']);
    const first = await flags(write.body.position, '&limit=1');
    expect(
      (await http().get(`/api/v1/dashboards/red-flags?code=ZI_ACTIVITY_OVERDUE&opd=DINKES&cursor=${first.nextCursor}`).set(inspector).expect(200)).body.items,
    ).toBeDefined();

    write = await http()
      .post(`${zi(unit)}/action-plan/SDM-1/progress`)
      .set(as.DINKES.operator)
      .send({ date: '2025-05-01', status: 'DONE', evidence: [{ url: 'https://dinkes.example.go.id/sdm1.pdf', sha256: SHA }] })
      .expect(201);
    expect(ofUnit(await flags(write.body.position))).toEqual(['SDM-2']);
    write = await http()
      .put(`${zi(unit)}/action-plan`)
      .set(as.DINKES.operator)
      .send({ activities: [activity('SDM-1', '2025-03-31'), activity('SDM-3', '2025-12-31')] })
      .expect(200);
    expect(ofUnit(await flags(write.body.position))).toEqual([]);
    // Back in the plan, the activity starts again NOT_STARTED, as the record shows it.
    write = await http()
      .put(`${zi(unit)}/action-plan`)
      .set(as.DINKES.operator)
      .send({ activities: [activity('SDM-2', '2025-04-30')] })
      .expect(200);
    expect(ofUnit(await flags(write.body.position))).toEqual(['SDM-2']);
    const record = (await http().get(zi(unit)).set(as.DINKES.head).expect(200)).body;
    expect(record.flags).toEqual([{ code: 'ZI_ACTIVITY_OVERDUE', activityCode: 'SDM-2', dueDate: '2025-04-30' }]);
  });

  it('suggests answers from the ledger with their records, needs a note to differ, and flags an answer above it', async () => {
    const unit = 'DINKES.PKM-LEDGER';
    clock.setToday('2025-01-10');
    const plan = '/api/v1/opds/DINKES/plans/2025';
    const indicator = { code: 'I1', name: 'Cakupan imunisasi', unit: '%', polarity: 'HIGHER_IS_BETTER', aggregation: 'LAST', annualTarget: 90 };
    await http()
      .post(plan)
      .set(as.DINKES.operator)
      .send({ goals: [{ code: 'G1', statement: 'Sehat', indicators: [indicator] }] })
      .expect(201);
    await http().post(`${plan}/submit`).set(as.DINKES.operator).expect(200);
    await http().post(`${plan}/approve`).set(as.DINKES.head).expect(200);
    clock.setToday('2025-06-02');
    const declared = await http().post(zi(unit)).set(as.DINKES.head).send(declaration()).expect(201);

    const sheet = async (position: string) =>
      (
        await http()
          .get(`${zi(unit)}/lke`)
          .set(inspector)
          .set('X-Min-Position', position)
          .expect(200)
      ).body.items as Array<Record<string, unknown>>;
    let items = await sheet(declared.body.position);
    expect(items.find((item) => item.code === 'AK.P.2a')).toMatchObject({
      ledgerSource: 'PLAN_APPROVED',
      suggested: 'YA',
      evidence: { links: ['/api/v1/opds/DINKES/plans/2025'], basis: 'plan 2025 approved (version 1)' },
    });
    // No 2024 LKjIP, and its due date (end of February 2025) has passed.
    expect(items.find((item) => item.code === 'AK.P.2e')).toMatchObject({ ledgerSource: 'LKJIP_ON_TIME', suggested: 'TIDAK' });
    // No SKP drafted in the unit: the ledger has nothing to suggest.
    expect(items.find((item) => item.code === 'SDM.P.4a')).toMatchObject({ ledgerSource: 'SKP_COVERAGE', suggested: null, evidence: null });
    // The first quarter was due by 15 April and is not reported: none of the one quarter due in time.
    expect(items.find((item) => item.code === 'AK.P.1c')).toMatchObject({
      ledgerSource: 'REALISATION_ON_TIME',
      suggested: 'D',
      evidence: { links: ['/api/v1/opds/DINKES/plans/2025'], basis: '0 of the 1 quarters due by 2025-06-02 reported within 15 days of their end' },
    });

    const before = await eventCount();
    const unexplained = await http()
      .put(`${zi(unit)}/lke/answers`)
      .set(as.DINKES.operator)
      .send({ answers: [{ itemCode: 'AK.P.2e', value: 'YA' }] })
      .expect(400);
    expect(unexplained.body.detail).toMatch(/AK\.P\.2e/);
    expect(await eventCount()).toBe(before);
    const written = await http()
      .put(`${zi(unit)}/lke/answers`)
      .set(as.DINKES.operator)
      .send({
        answers: [
          { itemCode: 'AK.P.2e', value: 'YA', note: 'LKjIP 2024 diserahkan manual ke Bagian Organisasi' },
          { itemCode: 'AK.P.2a', value: 'YA' },
        ],
      })
      .expect(200);
    items = await sheet(written.body.position);
    expect(items.find((item) => item.code === 'AK.P.2e')).toMatchObject({ answer: 'YA', aboveLedger: true });
    expect(items.find((item) => item.code === 'AK.P.2a')).toMatchObject({ answer: 'YA', aboveLedger: false });
    const record = (await http().get(zi(unit)).set(inspector).expect(200)).body;
    expect(record.flags).toEqual([{ code: 'ZI_ANSWER_ABOVE_LEDGER', itemCode: 'AK.P.2e' }]);
    expect(record.selfAnswers['AK.P.2e']).toMatchObject({ suggested: 'TIDAK', aboveLedger: true });
  });

  it('shows the units on the portal’s Zona Integritas page, the TPI’s area scores against the thresholds, nothing else', async () => {
    const page = await http().get('/zi?year=2025').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<h1>Zona Integritas 2025</h1>');
    const row = (unit: string) =>
      new RegExp(`<th scope="row">(<a href="#zi-[^"]+">)?${unit.replace('.', '\\.')}(</a>)?</th>([\\s\\S]*?)</tr>`).exec(page.text)?.[3] ?? '';
    expect(row('DINKES.PKM-STABAT')).toMatch(/Predikat dicabut[\s\S]*96,5[\s\S]*<strong>WBK<\/strong>/);
    expect(row('DISDIK.UPT-SMP1')).toMatch(/Dicanangkan/);
    // The evaluated unit's six areas, each score against its weight, and the thresholds in words.
    expect(page.text).toContain('Nilai TPI per area perubahan, DINKES.PKM-STABAT');
    expect(page.text).toMatch(/<th scope="row">Manajemen Perubahan<\/th>\s*<td class="num">[\d,]+<\/td>\s*<td class="num">8<\/td>/);
    expect(page.text).toContain('Batas WBK: 60 % dari bobot');
    for (const secret of ['Kepala Subbagian', 'piagam.pdf', 'Bukti SOP', 'Bukti terlampir', 'Pegawai terjaring', 'notulen', 'Survei Mei'])
      expect(page.text).not.toContain(secret);
    const english = await http().get('/zi?year=2025&lang=en').expect(200);
    expect(english.text).toContain('<h1>Integrity Zones 2025</h1>');
    expect(english.text).toContain('Predikat revoked');
    expect((await http().get('/?year=2025').expect(200)).text).toContain('href="/zi?year=2025"');
    // The OPD's scorecard, signed-in and public alike, carries its units' stage and TPI total; a revoked predikat is none.
    const scorecard = (await http().get('/public/v1/opds/DINKES/2025').expect(200)).body;
    expect(scorecard.zi.find((unit: { unit: string }) => unit.unit === 'DINKES.PKM-STABAT')).toEqual({
      unit: 'DINKES.PKM-STABAT',
      target: 'WBK',
      stage: 'REVOKED',
      tpiTotal: 96.5,
      meets: { WBK: true, WBBM: false },
      predikat: null,
    });
    expect((await http().get('/api/v1/dashboards/opds/DINKES/2025').set(inspector).expect(200)).body.zi).toEqual(scorecard.zi);
    await http().get('/zi?year=1999').set('Accept', 'text/html').expect(400);
  });

  it('suggests answers from the unit’s surveys and gratification reports', async () => {
    // An OPD of its own: its surveys and reports would give other tests' units suggestions to differ from.
    const code = 'DISPAR';
    const operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: code }));
    const head = bearer(await tokenFor({ roles: ['opd_head'], opd: code }));
    await http().post('/api/v1/opds').set(admin).send({ code, name: 'Dinas Pariwisata' }).expect(201);
    clock.setToday('2025-03-24');
    const survey = async (kind: string, answers: Record<string, number>) => {
      const opened = await http()
        .post(`/api/v1/opds/${code}/surveys`)
        .set(operator)
        .send({ kind, service: 'Izin usaha wisata', year: 2025, quarter: 1, population: 100 })
        .expect(201);
      for (let n = 0; n < 2; n++) await http().post(`/public/v1/surveys/${opened.body.surveyCode}/responses`).send({ answers }).expect(201);
      await http().post(`/api/v1/opds/${code}/surveys/${opened.body.surveyCode}/close`).set(operator).expect(200);
      return opened.body.surveyCode as string;
    };
    await survey('SKM', Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((unsur) => [unsur, 3])));
    // (4 + 4 + 3 + 3 + 4) / 5 = 3.6 from each answer.
    const ipak = await survey('IPAK', { A1: 4, A2: 4, A3: 3, A4: 3, A5: 4 });
    const employee = bearer(await tokenFor({ roles: ['employee'], nip: '198503032010011003' }));
    // Received on Monday 17 March, reported a week later: within 10 working days.
    await http()
      .post('/api/v1/gratifications')
      .set(employee)
      .send({
        receivedOn: '2025-03-17',
        giverRelation: 'Pengusaha hotel',
        form: 'GOODS',
        description: 'Parsel',
        valueIdr: 750_000,
        occasion: 'OTHER',
        opdCode: code,
      })
      .expect(201);
    clock.setToday('2025-06-02');
    const unit = `${code}.UPT-WISATA`;
    const declared = await http().post(zi(unit)).set(head).send(declaration()).expect(201);
    const items = (
      await http()
        .get(`${zi(unit)}/lke`)
        .set(inspector)
        .set('X-Min-Position', declared.body.position)
        .expect(200)
    ).body.items as Array<Record<string, unknown>>;
    const item = (itemCode: string) => items.find((one) => one.code === itemCode);
    // One quarter (January to March) has ended by 2 June, and it had its SKM: all of what was due.
    expect(item('PP.P.4a')).toMatchObject({
      ledgerSource: 'SKM_CONDUCTED',
      suggested: 'A',
      evidence: { links: [`/public/v1/surveys?opd=${code}&year=2025`], basis: 'an SKM closed in 1 of the 1 quarters of 2025 ended so far' },
    });
    expect(item('IPAK')).toMatchObject({ ledgerSource: 'IPAK', suggested: 3.6, evidence: { links: [`/public/v1/surveys/${ipak}`] } });
    expect(item('PW.P.1b')).toMatchObject({
      ledgerSource: 'GRATIFICATION_ON_TIME',
      suggested: 'A',
      evidence: { basis: '1 of 1 gratification reports made within 10 working days' },
    });
    // No IPKP survey was held: nothing to suggest.
    expect(item('IPKP')).toMatchObject({ ledgerSource: 'IPKP', suggested: null, evidence: null });
    // An IPAK self answer above the survey's needs a note, and raises the flag.
    const written = await http()
      .put(`${zi(unit)}/lke/answers`)
      .set(operator)
      .send({ answers: [{ itemCode: 'IPAK', value: 4, note: 'Survei internal unit' }] })
      .expect(200);
    const record = (await http().get(zi(unit)).set(inspector).set('X-Min-Position', written.body.position).expect(200)).body;
    expect(record.flags).toEqual([{ code: 'ZI_ANSWER_ABOVE_LEDGER', itemCode: 'IPAK' }]);
  });

  it('shows each unit’s public record to anyone, through the allow-list only', async () => {
    const page = await http().get('/public/v1/zi?year=2025').expect(200);
    const stabat = page.body.items.find((item: { unit: string }) => item.unit === 'DINKES.PKM-STABAT');
    expect(stabat).toMatchObject({
      opdCode: 'DINKES',
      target: 'WBK',
      stage: 'REVOKED',
      award: { predikat: 'WBK', decreeNumber: 'B/123/M.RB.06/2025', decreeDate: '2025-12-10' },
      revokedOn: '2026-01-15',
      scores: { total: 96.5, meets: { WBK: true, WBBM: false } },
    });
    expect(page.body.items.find((item: { unit: string }) => item.unit === 'DISDIK.UPT-SMP1')).toMatchObject({ stage: 'DECLARED', scores: null, award: null });
    const text = JSON.stringify(page.body);
    for (const secret of ['Kepala Subbagian', 'piagam.pdf', 'Bukti SOP', 'Bukti terlampir', 'Pegawai terjaring', 'notulen', 'Survei Mei'])
      expect(text).not.toContain(secret);
    const feed = (await http().get('/public/v1/feed?limit=500').expect(200)).body.items.filter((item: { type: string }) => item.type.startsWith('ZI_'));
    const stabatItems = feed.filter((item: { details: { unit: string } }) => item.details.unit === 'DINKES.PKM-STABAT');
    expect(stabatItems.map((item: { type: string; year: number }) => [item.type, item.year])).toEqual([
      ['ZI_DECLARED', 2025],
      ['ZI_PROPOSED', 2025],
      ['ZI_AWARDED', 2025],
      ['ZI_DECLARED', 2026],
      ['ZI_REVOKED', 2025],
    ]);
    expect(stabatItems[2]).toMatchObject({ opdCode: 'DINKES', title: 'DINKES.PKM-STABAT 2025: meraih predikat WBK', link: '/public/v1/zi?year=2025' });
    const feedText = JSON.stringify(feed);
    for (const secret of ['Kepala Subbagian', 'piagam.pdf', 'Pegawai terjaring', 'Bukti']) expect(feedText).not.toContain(secret);
    await http().get('/public/v1/zi').expect(400);
    await http().get('/public/v1/zi?year=1999').expect(400);
    await http().get('/public/v1/zi?year=2025&year=2026').expect(400);
  });

  it('lists a year’s units for the inspectorate, by stage', async () => {
    const page = (await http().get('/api/v1/zi?year=2025&stage=REVOKED').set(inspector).expect(200)).body;
    expect(page.items.map((item: { unit: string }) => item.unit)).toEqual(['DINKES.PKM-STABAT']);
    const all = (await http().get('/api/v1/zi?year=2025&limit=2').set(admin).expect(200)).body;
    expect(all.items).toHaveLength(2);
    expect(all.nextCursor).toEqual(expect.any(String));
    await http().get('/api/v1/zi?year=2025').set(as.DINKES.head).expect(403);
  });
});
