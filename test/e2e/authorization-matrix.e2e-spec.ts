import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { bearer, TokenClaims, tokenFor } from '../support/tokens';

/**
 * Who may do what (docs/api.md): every role against every endpoint of the OPD registry, SKP, surveys,
 * history, integrity and dashboards. OPD roles are scoped to DINKES; the resource under test is DINKES unless noted.
 */
const CALLERS: Record<string, TokenClaims | null> = {
  anonymous: null,
  admin: { roles: ['admin'] },
  'operator of DINKES': { roles: ['opd_operator'], opd: 'DINKES' },
  'head of DINKES': { roles: ['opd_head'], opd: 'DINKES' },
  'operator of DISDIK': { roles: ['opd_operator'], opd: 'DISDIK' },
  employee: { roles: ['employee'], nip: '198001012005011001' },
  appraiser: { roles: ['appraiser'], nip: '197501012000031002' },
  inspector: { roles: ['inspector'] },
};

type Call = (caller: string) => { method: 'get' | 'post' | 'patch' | 'put'; path: string; body?: object };

const EMPLOYEE = CALLERS.employee!.nip!;
const APPRAISER = CALLERS.appraiser!.nip!;
/** The employee's SKPs, one per year, each left in the state its endpoint acts on (beforeAll). */
const SKP_YEAR = { draft: 2030, replace: 2025, submit: 2026, agree: 2027, return: 2028, agreed: 2029 };
const skp = (year: number) => `/api/v1/skp/${EMPLOYEE}/${year}`;
const skpResults = (year: number) => [
  {
    code: 'R1',
    statement: 'Hasil kerja',
    cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: 'DINKES', year, indicatorCode: 'I1' },
    indicators: [{ code: 'K1', name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
  },
];
const draftSkp = (year: number) => ({ name: 'Siti Aminah', position: 'Analis', opdCode: 'DINKES', appraiserNip: APPRAISER, results: skpResults(year) });
/** Each caller drafts for a NIP of its own (the employee for their own, into a year still free). */
const draftNip = (caller: string) => (caller === 'employee' ? EMPLOYEE : `19900101201501${String(Object.keys(CALLERS).indexOf(caller)).padStart(4, '1')}`);
const personal = { anonymous: 401, admin: 403, 'operator of DINKES': 403, 'head of DINKES': 403, 'operator of DISDIK': 403, appraiser: 403, inspector: 403 };
const unit = {
  anonymous: 401,
  admin: 403,
  'operator of DINKES': 200,
  'head of DINKES': 200,
  'operator of DISDIK': 403,
  employee: 403,
  appraiser: 403,
  inspector: 200,
};
const rating = { resultRating: 'AS_EXPECTED', behaviourRating: 'AS_EXPECTED' };
const everyone = {
  anonymous: 200,
  admin: 200,
  'operator of DINKES': 200,
  'head of DINKES': 200,
  'operator of DISDIK': 200,
  employee: 200,
  appraiser: 200,
  inspector: 200,
};
const operatorOnly = {
  anonymous: 401,
  admin: 403,
  'operator of DINKES': 200,
  'head of DINKES': 403,
  'operator of DISDIK': 403,
  employee: 403,
  appraiser: 403,
  inspector: 403,
};
/** DINKES surveys the fixtures open (beforeAll): one stays open, one is there to be closed. */
const SURVEY = { open: '', toClose: '' };
const SKM_ANSWERS = Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((code) => [code, 3]));
const SKM = { kind: 'SKM', service: 'Rawat jalan', year: 2025, quarter: 1, population: 100 };
/** A gift the employee reports in beforeAll; the UPG's own rights are in gratifications.e2e-spec.ts (no UPG caller here). */
const GRATIFICATION = { id: '' };
const GIFT = {
  receivedOn: '2025-01-02',
  giverRelation: 'Rekanan',
  form: 'GOODS',
  description: 'Parsel',
  valueIdr: 100_000,
  occasion: 'OTHER',
  opdCode: 'DINKES',
};

/** A complaint filed naming DINKES in beforeAll, not yet verified; the desk's own rights are in complaints.e2e-spec.ts. */
const COMPLAINT = { trackingCode: '' };
const COMPLAINT_BODY = { kind: 'PENGADUAN', opdCode: 'DINKES', subject: 'Antrean', text: 'Antrean terlalu panjang', publicText: false };
/** A WBS report filed in beforeAll; only wbs_officer, who is no caller here, reads it (wbs.e2e-spec.ts). */
const WBS = { trackingCode: '' };
const WBS_REPORT = { allegation: 'Pungutan di loket', concerning: 'Petugas loket' };
const allCallers = (status: number) => Object.fromEntries(Object.keys(CALLERS).map((caller) => [caller, status]));
const nobody = {
  anonymous: 401,
  admin: 403,
  'operator of DINKES': 403,
  'head of DINKES': 403,
  'operator of DISDIK': 403,
  employee: 403,
  appraiser: 403,
  inspector: 403,
};

/** DINKES's ZI units of 2025, each left by ziFixtures in the stage its endpoint acts on. */
const zi = (unit: string) => `/api/v1/zi/DINKES.${unit}/2025`;
const ZI_DECLARATION = {
  target: 'WBK',
  declaredOn: '2025-01-20',
  documentUrl: 'https://dinkes.example.go.id/zi/piagam.pdf',
  documentSha256: 'c'.repeat(64),
  team: [{ position: 'Kepala Dinas', duty: 'Penanggung jawab' }],
};
const ZI_ACTIVITY = { code: 'MP-1', area: 'MANAJEMEN_PERUBAHAN', description: 'Sosialisasi', output: 'Notulen', dueDate: '2025-03-31' };
const ziUnitWork = {
  anonymous: 401,
  admin: 403,
  'operator of DINKES': 200,
  'head of DINKES': 200,
  'operator of DISDIK': 403,
  employee: 403,
  appraiser: 403,
  inspector: 403,
};
const ziRead = { ...unit, admin: 200 };
const ziInspector = {
  anonymous: 401,
  admin: 403,
  'operator of DINKES': 403,
  'head of DINKES': 403,
  'operator of DISDIK': 403,
  employee: 403,
  appraiser: 403,
  inspector: 200,
};
const ziAdmin = {
  anonymous: 401,
  admin: 200,
  'operator of DINKES': 403,
  'head of DINKES': 403,
  'operator of DISDIK': 403,
  employee: 403,
  appraiser: 403,
  inspector: 403,
};

const ENDPOINTS: Array<[string, Call, Record<string, number>]> = [
  [
    'POST /api/v1/opds',
    (caller) => ({ method: 'post', path: '/api/v1/opds', body: { code: `NEW-${slug(caller)}`, name: 'Unit baru' } }),
    { anonymous: 401, admin: 201, 'operator of DINKES': 403, 'head of DINKES': 403, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 403 },
  ],
  [
    'PATCH /api/v1/opds/{code}',
    (caller) => ({ method: 'patch', path: '/api/v1/opds/DINKES', body: { name: `Dinas Kesehatan ${slug(caller)}`, reason: 'matrix' } }),
    { anonymous: 401, admin: 200, 'operator of DINKES': 403, 'head of DINKES': 403, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 403 },
  ],
  [
    'POST /api/v1/opds/{code}/dissolve',
    (caller) => ({ method: 'post', path: `/api/v1/opds/TMP-${slug(caller)}/dissolve`, body: { reason: 'matrix' } }),
    { anonymous: 401, admin: 200, 'operator of DINKES': 403, 'head of DINKES': 403, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 403 },
  ],
  [
    'GET /api/v1/opds',
    () => ({ method: 'get', path: '/api/v1/opds' }),
    { anonymous: 401, admin: 200, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 200, appraiser: 200, inspector: 200 },
  ],
  [
    'GET /api/v1/opds/{code}',
    () => ({ method: 'get', path: '/api/v1/opds/DINKES' }),
    { anonymous: 401, admin: 200, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 200, appraiser: 200, inspector: 200 },
  ],
  [
    'GET /api/v1/opds/{code}?asOf=',
    () => ({ method: 'get', path: `/api/v1/opds/DINKES?asOf=${new Date().toISOString()}` }),
    { anonymous: 401, admin: 403, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 200 },
  ],
  [
    'POST /api/v1/skp/{nip}/{year}',
    (caller) => ({
      method: 'post',
      path: `/api/v1/skp/${draftNip(caller)}/${caller === 'employee' ? SKP_YEAR.draft : 2025}`,
      body: draftSkp(caller === 'employee' ? SKP_YEAR.draft : 2025),
    }),
    { ...personal, 'operator of DINKES': 201, employee: 201 },
  ],
  [
    'PUT /api/v1/skp/{nip}/{year}',
    () => ({ method: 'put', path: skp(SKP_YEAR.replace), body: { results: skpResults(SKP_YEAR.replace) } }),
    { ...personal, employee: 200 },
  ],
  ['POST /api/v1/skp/{nip}/{year}/submit', () => ({ method: 'post', path: `${skp(SKP_YEAR.submit)}/submit` }), { ...personal, employee: 200 }],
  ['POST /api/v1/skp/{nip}/{year}/agree', () => ({ method: 'post', path: `${skp(SKP_YEAR.agree)}/agree` }), { ...personal, employee: 403, appraiser: 200 }],
  [
    'POST /api/v1/skp/{nip}/{year}/return',
    () => ({ method: 'post', path: `${skp(SKP_YEAR.return)}/return`, body: { reason: 'Belum terukur' } }),
    { ...personal, employee: 403, appraiser: 200 },
  ],
  [
    'POST /api/v1/skp/{nip}/{year}/realisations/{period}',
    () => ({ method: 'post', path: `${skp(SKP_YEAR.agreed)}/realisations/Q1`, body: { values: [{ indicatorCode: 'K1', value: 50 }] } }),
    { ...personal, employee: 201 },
  ],
  [
    'POST /api/v1/skp/{nip}/{year}/evaluations/{period}',
    () => ({ method: 'post', path: `${skp(SKP_YEAR.agreed)}/evaluations/Q1`, body: rating }),
    { ...personal, employee: 403, appraiser: 201 },
  ],
  ['GET /api/v1/skp/{nip}/{year}', () => ({ method: 'get', path: skp(SKP_YEAR.agreed) }), { ...unit, employee: 200, appraiser: 200 }],
  ['GET /api/v1/skp/{nip}/{year}?asOf=', () => ({ method: 'get', path: `${skp(SKP_YEAR.agreed)}?asOf=${new Date().toISOString()}` }), unit],
  [
    'GET /api/v1/skp?appraiserNip=',
    () => ({ method: 'get', path: `/api/v1/skp?appraiserNip=${APPRAISER}&pending=true` }),
    { ...personal, appraiser: 200, inspector: 200, employee: 403 },
  ],
  ['GET /api/v1/opds/{code}/skp', () => ({ method: 'get', path: '/api/v1/opds/DINKES/skp?year=2029' }), unit],
  [
    'GET /api/v1/opds/{code}/plans/{year}/indicators/{indicatorCode}/skp',
    () => ({ method: 'get', path: '/api/v1/opds/DINKES/plans/2029/indicators/I1/skp' }),
    unit,
  ],
  ['GET /api/v1/history/skp/{id}', () => ({ method: 'get', path: `/api/v1/history/skp/${EMPLOYEE}-${SKP_YEAR.agreed}` }), unit],
  [
    'GET /api/v1/integrity/streams/skp/{id}',
    () => ({ method: 'get', path: `/api/v1/integrity/streams/skp/${EMPLOYEE}-${SKP_YEAR.agreed}` }),
    { ...unit, 'operator of DINKES': 403, 'head of DINKES': 403 },
  ],
  [
    'GET /api/v1/history/opd/{code}',
    () => ({ method: 'get', path: '/api/v1/history/opd/DINKES' }),
    { anonymous: 401, admin: 403, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 200 },
  ],
  [
    'GET /api/v1/integrity/streams/opd/{code}',
    () => ({ method: 'get', path: '/api/v1/integrity/streams/opd/DINKES' }),
    { anonymous: 401, admin: 403, 'operator of DINKES': 403, 'head of DINKES': 403, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 200 },
  ],
  [
    'GET /api/v1/dashboards/opds/{code}/{year}',
    () => ({ method: 'get', path: '/api/v1/dashboards/opds/DINKES/2025' }),
    { anonymous: 401, admin: 200, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 200, appraiser: 200, inspector: 200 },
  ],
  [
    'GET /api/v1/dashboards/regency/{year}',
    () => ({ method: 'get', path: '/api/v1/dashboards/regency/2025' }),
    { anonymous: 401, admin: 200, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 200, appraiser: 200, inspector: 200 },
  ],
  ['GET /api/v1/dashboards/red-flags?opd=DINKES', () => ({ method: 'get', path: '/api/v1/dashboards/red-flags?opd=DINKES' }), unit],
  [
    'GET /api/v1/dashboards/red-flags (every unit)',
    () => ({ method: 'get', path: '/api/v1/dashboards/red-flags' }),
    { anonymous: 401, admin: 403, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 403, appraiser: 403, inspector: 200 },
  ],
  [
    'POST /api/v1/opds/{code}/surveys',
    () => ({ method: 'post', path: '/api/v1/opds/DINKES/surveys', body: SKM }),
    { ...operatorOnly, 'operator of DINKES': 201 },
  ],
  [
    'POST /api/v1/opds/{code}/surveys/{surveyCode}/close',
    () => ({ method: 'post', path: `/api/v1/opds/DINKES/surveys/${SURVEY.toClose}/close` }),
    operatorOnly,
  ],
  ['GET /api/v1/opds/{code}/surveys/{surveyCode}', () => ({ method: 'get', path: `/api/v1/opds/DINKES/surveys/${SURVEY.open}` }), unit],
  ['GET /api/v1/history/survey/{surveyCode}', () => ({ method: 'get', path: `/api/v1/history/survey/${SURVEY.open}` }), unit],
  ['GET /public/v1/surveys/{surveyCode}', () => ({ method: 'get', path: `/public/v1/surveys/${SURVEY.open}` }), everyone],
  [
    'POST /public/v1/surveys/{surveyCode}/responses',
    () => ({ method: 'post', path: `/public/v1/surveys/${SURVEY.open}/responses`, body: { answers: SKM_ANSWERS } }),
    { anonymous: 201, admin: 201, 'operator of DINKES': 201, 'head of DINKES': 201, 'operator of DISDIK': 201, employee: 201, appraiser: 201, inspector: 201 },
  ],
  ['GET /public/v1/surveys', () => ({ method: 'get', path: '/public/v1/surveys?opd=DINKES&year=2025' }), everyone],
  ['GET /public/v1/participation/{code}/{year}', () => ({ method: 'get', path: '/public/v1/participation/DINKES/2025' }), everyone],
  ['POST /api/v1/gratifications', () => ({ method: 'post', path: '/api/v1/gratifications', body: GIFT }), { ...personal, employee: 201 }],
  [
    'POST /api/v1/gratifications/{id}/forward',
    () => ({ method: 'post', path: `/api/v1/gratifications/${GRATIFICATION.id}/forward`, body: { kpkReference: 'KPK/1', forwardedOn: '2025-01-02' } }),
    { ...personal, employee: 403 },
  ],
  ['GET /api/v1/gratifications', () => ({ method: 'get', path: '/api/v1/gratifications' }), { ...personal, employee: 200 }],
  [
    'GET /api/v1/history/gratification/{id}',
    () => ({ method: 'get', path: `/api/v1/history/gratification/${GRATIFICATION.id}` }),
    { ...personal, employee: 403, inspector: 200 },
  ],
  [
    'GET /public/v1/feed',
    () => ({ method: 'get', path: '/public/v1/feed' }),
    { anonymous: 200, admin: 200, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 200, appraiser: 200, inspector: 200 },
  ],
  [
    'GET /public/v1/feed.atom',
    () => ({ method: 'get', path: '/public/v1/feed.atom' }),
    { anonymous: 200, admin: 200, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 200, appraiser: 200, inspector: 200 },
  ],
  [
    'GET /public/v1/opds/{code}/{year}',
    () => ({ method: 'get', path: '/public/v1/opds/DINKES/2025' }),
    { anonymous: 200, admin: 200, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 200, appraiser: 200, inspector: 200 },
  ],
  [
    'GET /public/v1/regency/{year}',
    () => ({ method: 'get', path: '/public/v1/regency/2025' }),
    { anonymous: 200, admin: 200, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 200, appraiser: 200, inspector: 200 },
  ],
  [
    'GET /public/v1/integrity/head',
    () => ({ method: 'get', path: '/public/v1/integrity/head' }),
    { anonymous: 200, admin: 200, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 200, appraiser: 200, inspector: 200 },
  ],
  [
    'GET /api/v1/zi/templates/current',
    () => ({ method: 'get', path: '/api/v1/zi/templates/current' }),
    { anonymous: 401, admin: 200, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 200, appraiser: 200, inspector: 200 },
  ],
  [
    'GET /api/v1/zi?year=',
    () => ({ method: 'get', path: '/api/v1/zi?year=2025' }),
    { anonymous: 401, admin: 200, 'operator of DINKES': 403, 'head of DINKES': 403, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 200 },
  ],
  [
    'POST /api/v1/zi/{unit}/{year}',
    (caller) => ({ method: 'post', path: `/api/v1/zi/DINKES.D-${slug(caller)}/2025`, body: ZI_DECLARATION }),
    { anonymous: 401, admin: 403, 'operator of DINKES': 403, 'head of DINKES': 201, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 403 },
  ],
  ['PUT /api/v1/zi/{unit}/{year}/action-plan', () => ({ method: 'put', path: `${zi('WORK')}/action-plan`, body: { activities: [ZI_ACTIVITY] } }), ziUnitWork],
  [
    'POST /api/v1/zi/{unit}/{year}/action-plan/{activityCode}/progress',
    () => ({ method: 'post', path: `${zi('WORK')}/action-plan/MP-1/progress`, body: { date: '2025-02-01', status: 'IN_PROGRESS', evidence: [] } }),
    { ...ziUnitWork, 'operator of DINKES': 201, 'head of DINKES': 201 },
  ],
  [
    'PUT /api/v1/zi/{unit}/{year}/lke/answers',
    () => ({ method: 'put', path: `${zi('WORK')}/lke/answers`, body: { answers: [{ itemCode: 'IPAK', value: 3 }] } }),
    ziUnitWork,
  ],
  ['GET /api/v1/zi/{unit}/{year}/lke', () => ({ method: 'get', path: `${zi('WORK')}/lke` }), ziRead],
  ['GET /api/v1/zi/{unit}/{year}', () => ({ method: 'get', path: zi('WORK') }), ziRead],
  ['GET /api/v1/zi/{unit}/{year}?asOf=', () => ({ method: 'get', path: `${zi('WORK')}?asOf=${new Date().toISOString()}` }), ziRead],
  [
    'POST /api/v1/zi/{unit}/{year}/submit',
    () => ({ method: 'post', path: `${zi('SUBMIT')}/submit` }),
    { anonymous: 401, admin: 403, 'operator of DINKES': 403, 'head of DINKES': 200, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 403 },
  ],
  [
    'PUT /api/v1/zi/{unit}/{year}/tpi/answers',
    () => ({ method: 'put', path: `${zi('TPI')}/tpi/answers`, body: { answers: [{ itemCode: 'IPAK', value: 3 }] } }),
    ziInspector,
  ],
  ['POST /api/v1/zi/{unit}/{year}/tpi/evaluate', () => ({ method: 'post', path: `${zi('EVALUATE')}/tpi/evaluate` }), ziInspector],
  ['POST /api/v1/zi/{unit}/{year}/tpi/return', () => ({ method: 'post', path: `${zi('RETURN')}/tpi/return`, body: { notes: 'Lengkapi bukti' } }), ziInspector],
  [
    'PUT /api/v1/zi/prerequisites/{year}',
    () => ({ method: 'put', path: '/api/v1/zi/prerequisites/2025', body: { bpkOpinion: 'WTP', sakipGrade: 'BB', indeksRbGrade: 'B' } }),
    ziAdmin,
  ],
  ['POST /api/v1/zi/{unit}/{year}/propose', () => ({ method: 'post', path: `${zi('PROPOSE')}/propose` }), ziAdmin],
  [
    'POST /api/v1/zi/{unit}/{year}/outcome',
    () => ({ method: 'post', path: `${zi('OUTCOME')}/outcome`, body: { outcome: 'NOT_AWARDED', reason: 'Nilai TPN di bawah ambang' } }),
    ziAdmin,
  ],
  ['POST /api/v1/zi/{unit}/{year}/revoke', () => ({ method: 'post', path: `${zi('REVOKE')}/revoke`, body: { reason: 'Pelanggaran integritas' } }), ziAdmin],
  [
    'GET /public/v1/zi?year=',
    () => ({ method: 'get', path: '/public/v1/zi?year=2025' }),
    { anonymous: 200, admin: 200, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 200, appraiser: 200, inspector: 200 },
  ],
  [
    'GET /api/v1/zi?year=',
    () => ({ method: 'get', path: '/api/v1/zi?year=2025' }),
    { anonymous: 401, admin: 200, 'operator of DINKES': 403, 'head of DINKES': 403, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 200 },
  ],
  [
    'POST /public/v1/complaints',
    () => ({ method: 'post', path: '/public/v1/complaints', body: COMPLAINT_BODY }),
    { anonymous: 201, admin: 201, 'operator of DINKES': 201, 'head of DINKES': 201, 'operator of DISDIK': 201, employee: 201, appraiser: 201, inspector: 201 },
  ],
  // Only the follow secret opens a complaint to read: no role does, and without it a complaint is no complaint.
  ['GET /public/v1/complaints/{trackingCode}', () => ({ method: 'get', path: `/public/v1/complaints/${COMPLAINT.trackingCode}` }), allCallers(404)],
  [
    'GET /api/v1/complaints',
    () => ({ method: 'get', path: '/api/v1/complaints' }),
    { ...nobody, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200 },
  ],
  [
    'GET /api/v1/complaints/{trackingCode}',
    () => ({ method: 'get', path: `/api/v1/complaints/${COMPLAINT.trackingCode}` }),
    { ...nobody, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 404 },
  ],
  [
    'POST /api/v1/complaints/{trackingCode}/verify',
    () => ({ method: 'post', path: `/api/v1/complaints/${COMPLAINT.trackingCode}/verify`, body: { decision: 'ARCHIVED', reason: 'SPAM' } }),
    nobody,
  ],
  // The unit named may respond once the desk has verified the complaint for it: until then a 422.
  [
    'POST /api/v1/complaints/{trackingCode}/responses',
    () => ({ method: 'post', path: `/api/v1/complaints/${COMPLAINT.trackingCode}/responses`, body: { text: 'Sudah ditangani' } }),
    { ...nobody, 'operator of DINKES': 422, 'head of DINKES': 422 },
  ],
  ['POST /public/v1/wbs', () => ({ method: 'post', path: '/public/v1/wbs', body: WBS_REPORT }), allCallers(201)],
  ['GET /public/v1/wbs/{trackingCode}', () => ({ method: 'get', path: `/public/v1/wbs/${WBS.trackingCode}` }), allCallers(404)],
  ['GET /public/v1/wbs/figures/{year}', () => ({ method: 'get', path: '/public/v1/wbs/figures/2025' }), everyone],
  ['GET /api/v1/wbs', () => ({ method: 'get', path: '/api/v1/wbs' }), nobody],
  ['GET /api/v1/wbs/{trackingCode}', () => ({ method: 'get', path: `/api/v1/wbs/${WBS.trackingCode}` }), nobody],
  [
    'POST /api/v1/wbs/{trackingCode}/identity-readings',
    () => ({ method: 'post', path: `/api/v1/wbs/${WBS.trackingCode}/identity-readings`, body: { reason: 'Ingin tahu' } }),
    nobody,
  ],
  [
    'POST /api/v1/wbs/{trackingCode}/transitions',
    () => ({ method: 'post', path: `/api/v1/wbs/${WBS.trackingCode}/transitions`, body: { to: 'UNDER_REVIEW', reason: 'Telaah' } }),
    nobody,
  ],
  ['POST /api/v1/wbs/{trackingCode}/messages', () => ({ method: 'post', path: `/api/v1/wbs/${WBS.trackingCode}/messages`, body: { text: 'Halo' } }), nobody],
];

/**
 * A list as a file (docs/api.md, Spreadsheets) is the same answer: the same callers get it, and
 * the same callers are refused.
 */
const AS_FILES = [
  'GET /api/v1/skp?appraiserNip=',
  'GET /api/v1/opds/{code}/skp',
  'GET /api/v1/dashboards/regency/{year}',
  'GET /api/v1/dashboards/red-flags?opd=DINKES',
  'GET /api/v1/zi?year=',
];
ENDPOINTS.push(
  ...ENDPOINTS.filter(([endpoint]) => AS_FILES.includes(endpoint)).flatMap(([endpoint, call, expected]) =>
    (['csv', 'xlsx'] as const).map((format): [string, Call, Record<string, number>] => [
      `${endpoint} as ${format}`,
      (caller) => {
        const { method, path } = call(caller);
        return { method, path: `${path}${path.includes('?') ? '&' : '?'}format=${format}` };
      },
      expected,
    ]),
  ),
);

function slug(caller: string): string {
  return caller.toUpperCase().replace(/[^A-Z0-9]+/g, '-');
}

describe('authorization matrix', () => {
  let testApp: TestApp;
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    testApp = await startTestApp({ INTEGRITY_CHECKPOINT_SECONDS: '0' });
    for (const [caller, claims] of Object.entries(CALLERS)) headers[caller] = claims ? bearer(await tokenFor(claims)) : {};
    const http = request(testApp.app.getHttpServer());
    let last = '';
    for (const code of ['DINKES', 'DISDIK', ...Object.keys(CALLERS).map((caller) => `TMP-${slug(caller)}`)]) {
      last = (
        await http
          .post('/api/v1/opds')
          .set(headers.admin)
          .send({ code, name: `Unit ${code}` })
          .expect(201)
      ).body.position;
    }
    await request(testApp.app.getHttpServer()).get('/api/v1/opds').set(headers.admin).set('X-Min-Position', last).expect(200);
    await skpFixtures(http);
    const operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' }));
    SURVEY.open = (await http.post('/api/v1/opds/DINKES/surveys').set(operator).send(SKM).expect(201)).body.surveyCode;
    const toClose = (await http.post('/api/v1/opds/DINKES/surveys').set(operator).send(SKM).expect(201)).body;
    SURVEY.toClose = toClose.surveyCode;
    GRATIFICATION.id = (await http.post('/api/v1/gratifications').set(headers.employee).send(GIFT).expect(201)).body.id;
    COMPLAINT.trackingCode = (await http.post('/public/v1/complaints').send(COMPLAINT_BODY).expect(201)).body.trackingCode;
    WBS.trackingCode = (await http.post('/public/v1/wbs').send(WBS_REPORT).expect(201)).body.trackingCode;
    last = toClose.position;
    await request(testApp.app.getHttpServer()).get(skp(SKP_YEAR.agreed)).set(headers.inspector).set('X-Min-Position', last).expect(200);
    last = await ziFixtures(http);
    await request(testApp.app.getHttpServer()).get(zi('REVOKE')).set(headers.inspector).set('X-Min-Position', last).expect(200);
    // The public head appears once the checkpointer has seen the registrations.
    for (let i = 0; i < 50; i++) {
      if ((await request(testApp.app.getHttpServer()).get('/public/v1/integrity/head')).status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  afterAll(async () => {
    await testApp.close();
  });

  /** DINKES plans for every year an SKP uses, and the employee's SKPs in the states the endpoints act on. */
  async function skpFixtures(http: ReturnType<typeof request>): Promise<string> {
    const as = {
      operator: bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' })),
      head: bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES' })),
      employee: headers.employee,
      appraiser: headers.appraiser,
    };
    const goals = [
      {
        code: 'G1',
        statement: 'Sehat',
        indicators: [{ code: 'I1', name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', aggregation: 'LAST', annualTarget: 90 }],
      },
    ];
    for (const year of Object.values(SKP_YEAR)) {
      const plan = `/api/v1/opds/DINKES/plans/${year}`;
      await http.post(plan).set(as.operator).send({ goals }).expect(201);
      await http.post(`${plan}/submit`).set(as.operator).expect(200);
      await http.post(`${plan}/approve`).set(as.head).expect(200);
    }
    let last = '';
    for (const year of [SKP_YEAR.replace, SKP_YEAR.submit, SKP_YEAR.agree, SKP_YEAR.return, SKP_YEAR.agreed]) {
      last = (await http.post(skp(year)).set(as.employee).send(draftSkp(year)).expect(201)).body.position;
      if (year === SKP_YEAR.replace || year === SKP_YEAR.submit) continue;
      last = (
        await http
          .post(`${skp(year)}/submit`)
          .set(as.employee)
          .expect(200)
      ).body.position;
      if (year === SKP_YEAR.agreed)
        last = (
          await http
            .post(`${skp(year)}/agree`)
            .set(as.appraiser)
            .expect(200)
        ).body.position;
    }
    return last;
  }

  /** DINKES's ZI units, each taken to the stage the endpoint under test acts on. */
  async function ziFixtures(http: ReturnType<typeof request>): Promise<string> {
    const as = {
      operator: bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' })),
      head: bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES' })),
    };
    const items: Array<{ code: string; answerType: string }> = (await http.get('/api/v1/zi/templates/current').set(headers.inspector).expect(200)).body.items;
    const best: Record<string, unknown> = { YA_TIDAK: 'YA', ABC: 'A', ABCD: 'A', ABCDE: 'A', PERCENT: { numerator: 1, denominator: 1 }, SURVEY: 4 };
    const answers = items.map((item) => ({ itemCode: item.code, value: best[item.answerType], note: 'Bukti terlampir' }));
    await http.put('/api/v1/zi/prerequisites/2025').set(headers.admin).send({ bpkOpinion: 'WTP', sakipGrade: 'BB', indeksRbGrade: 'B' }).expect(200);
    const steps: Array<(unit: string) => Promise<{ body: { position: string } }>> = [
      (unit) => http.post(zi(unit)).set(as.head).send(ZI_DECLARATION).expect(201),
      (unit) =>
        http
          .put(`${zi(unit)}/action-plan`)
          .set(as.operator)
          .send({ activities: [ZI_ACTIVITY] })
          .expect(200),
      (unit) =>
        http
          .put(`${zi(unit)}/lke/answers`)
          .set(as.operator)
          .send({ answers })
          .expect(200),
      (unit) =>
        http
          .post(`${zi(unit)}/submit`)
          .set(as.head)
          .expect(200),
      (unit) =>
        http
          .put(`${zi(unit)}/tpi/answers`)
          .set(headers.inspector)
          .send({ answers })
          .expect(200),
      (unit) =>
        http
          .post(`${zi(unit)}/tpi/evaluate`)
          .set(headers.inspector)
          .expect(200),
      (unit) =>
        http
          .post(`${zi(unit)}/propose`)
          .set(headers.admin)
          .expect(200),
      (unit) =>
        http
          .post(`${zi(unit)}/outcome`)
          .set(headers.admin)
          .send({ outcome: 'AWARDED', predikat: 'WBK', decreeNumber: 'SK-1', decreeDate: '2025-12-01' })
          .expect(200),
    ];
    // How many steps each unit is taken through.
    const stages = { WORK: 2, SUBMIT: 3, TPI: 4, RETURN: 4, EVALUATE: 5, PROPOSE: 6, OUTCOME: 7, REVOKE: 8 };
    let last = '';
    for (const [unit, count] of Object.entries(stages)) for (const step of steps.slice(0, count)) last = (await step(unit)).body.position;
    return last;
  }

  const cases = ENDPOINTS.flatMap(([endpoint, call, expected]) => Object.keys(CALLERS).map((caller) => [endpoint, caller, expected[caller], call] as const));

  it.each(cases)('%s as %s answers %i', async (_endpoint, caller, status, call) => {
    const { method, path, body } = call(caller);
    const response = await request(testApp.app.getHttpServer())[method](path).set(headers[caller]).send(body);
    expect(response.status).toBe(status);
    if (status >= 400) expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
