import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import request from 'supertest';
import { TestApp } from './test-app';
import { bearer, tokenFor } from './tokens';

type Headers = Record<string, string>;

export const EMPLOYEE = '198001012005011001';
export const APPRAISER = '197502022000031002';
/** The plans' year; the clock of these fixtures is the real one, so its quarters have begun. */
export const YEAR = 2025;

const indicator = { code: 'I1', name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', aggregation: 'LAST', annualTarget: 90 };
export const GOALS = [{ code: 'G1', statement: 'Derajat kesehatan', indicators: [indicator] }];
export const SKP_RESULTS = [
  {
    code: 'R1',
    statement: 'Hasil kerja',
    cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: 'DINKES', year: YEAR, indicatorCode: 'I1' },
    indicators: [{ code: 'K1', name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
  },
];
export const FINDING = {
  opdCode: 'DINKES',
  reportNumber: 'LHP-01/2025',
  reportDate: '2025-03-01',
  title: 'Kelebihan pembayaran',
  condition: 'Kondisi',
  criteria: 'Kriteria',
  cause: 'Sebab',
  effect: 'Akibat',
  category: 'NON_COMPLIANCE',
  recommendations: [{ text: 'Setorkan ke kas daerah' }],
};

export interface LedgerFixtures {
  as: Record<'admin' | 'operator' | 'head' | 'inspector' | 'employee' | 'appraiser', Headers>;
  findingId: string;
  /** The number of events in the whole log. */
  eventCount(): Promise<number>;
}

/**
 * One of every resource, each in a state its writes act on: DINKES; its 2025 plan approved
 * and Q1 reported (revisions, realisations, corrections); a 2026 draft (replace); an employee's
 * 2025 SKP drafted and another year agreed; the 2025 LKjIP compiled; one finding.
 */
export async function seedLedger(testApp: TestApp): Promise<LedgerFixtures> {
  const database = testApp.app.get<Database>(DATABASE);
  const as = {
    admin: bearer(await tokenFor({ roles: ['admin'] })),
    operator: bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' })),
    head: bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES' })),
    inspector: bearer(await tokenFor({ roles: ['inspector'] })),
    employee: bearer(await tokenFor({ roles: ['employee'], nip: EMPLOYEE })),
    appraiser: bearer(await tokenFor({ roles: ['appraiser'], nip: APPRAISER })),
  };
  const http = () => request(testApp.app.getHttpServer());
  await http().post('/api/v1/opds').set(as.admin).send({ code: 'DINKES', name: 'Dinas Kesehatan' }).expect(201);
  const plan = `/api/v1/opds/DINKES/plans/${YEAR}`;
  await http().post(plan).set(as.operator).send({ goals: GOALS }).expect(201);
  await http().post(`${plan}/submit`).set(as.operator).expect(200);
  await http().post(`${plan}/approve`).set(as.head).expect(200);
  await http()
    .post(`${plan}/realisations/1`)
    .set(as.operator)
    .send({ values: [{ indicatorCode: 'I1', value: 50 }] })
    .expect(201);
  await http()
    .post(`/api/v1/opds/DINKES/plans/${YEAR + 1}`)
    .set(as.operator)
    .send({ goals: GOALS })
    .expect(201);
  const skp = `/api/v1/skp/${EMPLOYEE}/${YEAR}`;
  const skpBody = { name: 'Siti Aminah', position: 'Analis', opdCode: 'DINKES', appraiserNip: APPRAISER, results: SKP_RESULTS };
  await http().post(skp).set(as.employee).send(skpBody).expect(201);
  await http().post(`/api/v1/opds/DINKES/lkjip/${YEAR}`).set(as.operator).expect(201);
  const finding = await http().post('/api/v1/audit-findings').set(as.inspector).send(FINDING).expect(201);
  return {
    as,
    findingId: finding.body.id,
    eventCount: async () => Number((await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events')).rows[0].count),
  };
}

export interface WriteCall {
  name: string;
  method: 'post' | 'put' | 'patch';
  path: string;
  as: Headers;
  /** A body the endpoint accepts; each case replaces parts of it with hostile values. */
  body: Record<string, unknown> | undefined;
}

/** Every write endpoint, with a caller it lets through and a body it accepts. */
export function writeCalls(fixtures: LedgerFixtures): WriteCall[] {
  const { as, findingId } = fixtures;
  const plan = `/api/v1/opds/DINKES/plans/${YEAR}`;
  const skp = `/api/v1/skp/${EMPLOYEE}/${YEAR}`;
  const lkjip = `/api/v1/opds/DINKES/lkjip/${YEAR}`;
  const recommendation = `/api/v1/audit-findings/${findingId}/recommendations/1`;
  const values = [{ indicatorCode: 'I1', value: 60 }];
  return [
    { name: 'register OPD', method: 'post', path: '/api/v1/opds', as: as.admin, body: { code: 'BAPPEDA', name: 'Bappeda' } },
    { name: 'rename OPD', method: 'patch', path: '/api/v1/opds/DINKES', as: as.admin, body: { name: 'Dinas Kesehatan Kab', reason: 'Perbup' } },
    { name: 'dissolve OPD', method: 'post', path: '/api/v1/opds/DINKES/dissolve', as: as.admin, body: { reason: 'Perbup' } },
    { name: 'draft plan', method: 'post', path: `/api/v1/opds/DINKES/plans/${YEAR + 2}`, as: as.operator, body: { goals: GOALS } },
    { name: 'replace plan', method: 'put', path: `/api/v1/opds/DINKES/plans/${YEAR + 1}`, as: as.operator, body: { goals: GOALS } },
    { name: 'return plan', method: 'post', path: `/api/v1/opds/DINKES/plans/${YEAR + 1}/return`, as: as.head, body: { reason: 'Kurang' } },
    {
      name: 'plan revision',
      method: 'post',
      path: `${plan}/revisions`,
      as: as.operator,
      body: { reasonCategory: 'PRIORITY_CHANGED', reason: 'Prioritas', goals: GOALS },
    },
    { name: 'plan realisation', method: 'post', path: `${plan}/realisations/2`, as: as.operator, body: { values } },
    { name: 'plan correction', method: 'post', path: `${plan}/realisations/1/corrections`, as: as.operator, body: { reason: 'Salah ketik', values } },
    {
      name: 'draft SKP',
      method: 'post',
      path: `/api/v1/skp/${EMPLOYEE}/${YEAR + 1}`,
      as: as.employee,
      body: { name: 'Siti', position: 'Analis', opdCode: 'DINKES', appraiserNip: APPRAISER, results: SKP_RESULTS },
    },
    { name: 'replace SKP', method: 'put', path: skp, as: as.employee, body: { results: SKP_RESULTS } },
    { name: 'return SKP', method: 'post', path: `${skp}/return`, as: as.appraiser, body: { reason: 'Belum terukur' } },
    { name: 'SKP realisation', method: 'post', path: `${skp}/realisations/Q1`, as: as.employee, body: { values: [{ indicatorCode: 'K1', value: 5 }] } },
    {
      name: 'SKP evaluation',
      method: 'post',
      path: `${skp}/evaluations/Q1`,
      as: as.appraiser,
      body: { resultRating: 'AS_EXPECTED', behaviourRating: 'AS_EXPECTED', note: 'Baik' },
    },
    { name: 'LKjIP section', method: 'put', path: `${lkjip}/sections/summary`, as: as.operator, body: { text: 'Ringkasan' } },
    { name: 'LKjIP review', method: 'post', path: `${lkjip}/review`, as: as.inspector, body: { outcome: 'RETURNED', notes: 'Lengkapi' } },
    { name: 'submit plan', method: 'post', path: `/api/v1/opds/DINKES/plans/${YEAR + 1}/submit`, as: as.operator, body: undefined },
    { name: 'approve plan', method: 'post', path: `/api/v1/opds/DINKES/plans/${YEAR + 1}/approve`, as: as.head, body: undefined },
    { name: 'submit SKP', method: 'post', path: `${skp}/submit`, as: as.employee, body: undefined },
    { name: 'agree SKP', method: 'post', path: `${skp}/agree`, as: as.appraiser, body: undefined },
    { name: 'recompile LKjIP', method: 'post', path: `${lkjip}/recompile`, as: as.operator, body: undefined },
    { name: 'submit LKjIP', method: 'post', path: `${lkjip}/submit`, as: as.head, body: undefined },
    { name: 'publish LKjIP', method: 'post', path: `${lkjip}/publish`, as: as.head, body: undefined },
    { name: 'record finding', method: 'post', path: '/api/v1/audit-findings', as: as.inspector, body: FINDING },
    { name: 'follow-up', method: 'post', path: `${recommendation}/follow-ups`, as: as.operator, body: { description: 'Sudah disetor' } },
    { name: 'assessment', method: 'post', path: `${recommendation}/assessments`, as: as.inspector, body: { status: 'BELUM_SESUAI', note: 'Kurang' } },
    { name: 'delay reason', method: 'post', path: `${recommendation}/delay-reasons`, as: as.operator, body: { reasonCategory: 'OTHER', note: 'Sakit' } },
  ];
}
