import { SkpDocument } from './skp-document';
import { awaitingEvaluation, planKey, planSourcesOf, skpView } from './skp-view';
import { SkpResult } from './skp.events';

const fromPlan = (code: string, indicatorCode: string, opdCode = 'DINKES'): SkpResult => ({
  code,
  statement: `Hasil ${code}`,
  cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode, year: 2025, indicatorCode },
  indicators: [{ code: `K-${code}`, name: 'n', unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
});
const fromSuperior: SkpResult = { ...fromPlan('R9', 'x'), cascadedFrom: { kind: 'SKP_RESULT', nip: '197502022000031002', resultCode: 'R1' } };

const rating = {
  resultRating: 'AS_EXPECTED',
  behaviourRating: 'AS_EXPECTED',
  predikat: 'BAIK',
  note: null,
  behaviourNotes: {},
  on: '2025-04-10',
  at: 't',
  reason: null,
} as const;
const document = (overrides: Partial<SkpDocument>): SkpDocument =>
  ({
    nip: '198001012005011001',
    year: 2025,
    status: 'AGREED',
    results: [fromPlan('R1', 'I1'), fromPlan('R2', 'I2'), fromSuperior],
    realisations: [],
    evaluations: [],
    ...overrides,
  }) as SkpDocument;
const reported = (...periods: Array<'Q1' | 'Q2' | 'Q3' | 'Q4'>) => periods.map((period) => ({ period, reportedAt: 't', reportedOn: 'd', values: [] }));
const rated = (...periods: Array<'Q1' | 'Q2' | 'Q3' | 'Q4' | 'ANNUAL'>) =>
  periods.map((period) => ({ period, current: { ...rating, period }, history: [{ ...rating, period }] }));

describe('an SKP as answered', () => {
  it('flags each result whose plan indicator left the effective version, and only those', () => {
    const view = skpView(document({}), new Map([[planKey('DINKES', 2025), new Set(['I1'])]]));
    expect(view.flags).toEqual([{ code: 'CASCADE_SOURCE_REMOVED', resultCode: 'R2', opdCode: 'DINKES', year: 2025, indicatorCode: 'I2' }]);
  });

  it('flags a result whose plan has no effective version at all', () => {
    expect(skpView(document({ results: [fromPlan('R1', 'I1', 'DISDIK')] }), new Map()).flags.map((flag) => flag.resultCode)).toEqual(['R1']);
  });

  it('names every plan it cascades from once', () => {
    expect(planSourcesOf(document({ results: [fromPlan('R1', 'I1'), fromPlan('R2', 'I2'), fromPlan('R3', 'I1', 'DISDIK'), fromSuperior] }))).toEqual([
      { opdCode: 'DINKES', year: 2025 },
      { opdCode: 'DISDIK', year: 2025 },
    ]);
  });

  it('waits for agreement while submitted', () => {
    expect(skpView(document({ status: 'SUBMITTED' }), new Map()).awaitingAgreement).toBe(true);
    expect(skpView(document({}), new Map()).awaitingAgreement).toBe(false);
  });

  it.each<[string, Partial<SkpDocument>, string[]]>([
    ['nothing reported', {}, []],
    ['reported quarters not rated yet', { realisations: reported('Q1', 'Q2'), evaluations: rated('Q1') }, ['Q2']],
    ['the year once Q4 is reported', { realisations: reported('Q1', 'Q4'), evaluations: rated('Q1') }, ['Q4', 'ANNUAL']],
    ['nothing once the year is rated', { realisations: reported('Q4'), evaluations: rated('Q4', 'ANNUAL') }, []],
    ['nothing before agreement', { status: 'RETURNED', realisations: reported('Q1') }, []],
  ])('waits for the appraiser’s rating of %s', (_case, overrides, periods) => expect(awaitingEvaluation(document(overrides))).toEqual(periods));
});
