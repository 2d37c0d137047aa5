import { evolveSkpDocument, SkpDocument, StoredSkpEvent } from './skp-document';
import { SkpEvent, SkpPeriod, SkpResult } from './skp.events';

let revision = -1;
const at = (day: string) => `${day}T03:00:00.000Z`;
const stored = (event: SkpEvent, day: string): StoredSkpEvent => ({ ...event, recordedAt: at(day), revision: ++revision });
const skp = (events: StoredSkpEvent[]): SkpDocument => events.reduce<SkpDocument | null>(evolveSkpDocument, null)!;

const key = { nip: '198001012005011001', year: 2025 };
const result = (code: string, indicatorCode: string): SkpResult => ({
  code,
  statement: `Hasil ${code}`,
  cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: 'DINKES', year: 2025, indicatorCode: 'I1' },
  indicators: [{ code: indicatorCode, name: 'n', unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
});
const drafted: SkpEvent = {
  type: 'SkpDrafted',
  data: { ...key, name: 'Siti Aminah', position: 'Analis', opdCode: 'DINKES', appraiserNip: '197502022000031002', results: [result('R1', 'K1')] },
};
const replaced: SkpEvent = { type: 'SkpResultsReplaced', data: { ...key, results: [result('R2', 'K2')] } };
const submitted: SkpEvent = { type: 'SkpSubmitted', data: key };
const returned: SkpEvent = { type: 'SkpReturned', data: { ...key, reason: 'Belum terukur' } };
const agreed: SkpEvent = { type: 'SkpAgreed', data: { ...key, results: [result('R2', 'K2')], on: '2025-01-20' } };
const reported = (period: 'Q1' | 'Q2' | 'Q3' | 'Q4', on: string): SkpEvent => ({
  type: 'SkpRealisationReported',
  data: { ...key, period, values: [{ indicatorCode: 'K2', value: 50, evidenceUrl: null, note: null }], on },
});
const rating = (period: SkpPeriod, on: string, behaviourRating: 'AS_EXPECTED' | 'BELOW_EXPECTATION' = 'AS_EXPECTED') =>
  ({
    period,
    resultRating: 'AS_EXPECTED',
    behaviourRating,
    predikat: behaviourRating === 'AS_EXPECTED' ? 'BAIK' : 'KURANG',
    note: null,
    behaviourNotes: {},
    on,
  }) as const;
const evaluated = (period: SkpPeriod, on: string): SkpEvent => ({ type: 'SkpEvaluated', data: { ...key, ...rating(period, on) } });
const reevaluated = (period: SkpPeriod, on: string): SkpEvent => ({
  type: 'SkpReevaluated',
  data: { ...key, ...rating(period, on, 'BELOW_EXPECTATION'), reason: 'Pelanggaran disiplin' },
});

const agreedEvents = () => [
  stored(drafted, '2025-01-05'),
  stored(replaced, '2025-01-06'),
  stored(submitted, '2025-01-07'),
  stored(returned, '2025-01-08'),
  stored(submitted, '2025-01-09'),
  stored(agreed, '2025-01-20'),
];

beforeEach(() => {
  revision = -1;
});

describe('an SKP as read', () => {
  it('starts as a draft with who it names and nothing measured', () => {
    expect(skp([stored(drafted, '2025-01-05')])).toEqual({
      ...drafted.data,
      status: 'DRAFT',
      revision: 0,
      createdAt: at('2025-01-05'),
      updatedAt: at('2025-01-05'),
      submittedAt: null,
      agreedAt: null,
      agreedOn: null,
      returns: [],
      realisations: [],
      evaluations: [],
      latestEvaluation: null,
      predikat: null,
    });
  });

  it('follows the agreement: replaced results, returns with reasons, the day it was agreed', () => {
    expect(skp(agreedEvents())).toMatchObject({
      status: 'AGREED',
      revision: 5,
      results: [result('R2', 'K2')],
      returns: [{ at: at('2025-01-08'), reason: 'Belum terukur' }],
      submittedAt: at('2025-01-09'),
      agreedAt: at('2025-01-20'),
      agreedOn: '2025-01-20',
      updatedAt: at('2025-01-20'),
    });
  });

  it('keeps realisations in period order, whatever order they came in', () => {
    const document = skp([...agreedEvents(), stored(reported('Q2', '2025-07-05'), '2025-07-05'), stored(reported('Q1', '2025-07-06'), '2025-07-06')]);
    expect(document.realisations.map((r) => [r.period, r.reportedOn, r.reportedAt])).toEqual([
      ['Q1', '2025-07-06', at('2025-07-06')],
      ['Q2', '2025-07-05', at('2025-07-05')],
    ]);
  });

  it('keeps the first evaluation of a period in its history when it is re-evaluated', () => {
    const document = skp([...agreedEvents(), stored(evaluated('Q1', '2025-04-10'), '2025-04-10'), stored(reevaluated('Q1', '2025-04-20'), '2025-04-20')]);
    expect(document.evaluations).toHaveLength(1);
    const [q1] = document.evaluations;
    expect(q1.current).toMatchObject({ predikat: 'KURANG', reason: 'Pelanggaran disiplin', at: at('2025-04-20'), on: '2025-04-20' });
    expect(q1.history.map((record) => [record.predikat, record.reason])).toEqual([
      ['BAIK', null],
      ['KURANG', 'Pelanggaran disiplin'],
    ]);
    expect(q1.current).not.toHaveProperty('nip');
  });

  it('orders evaluations by period and tells the latest one and the SKP’s predikat apart', () => {
    const document = skp([
      ...agreedEvents(),
      stored(evaluated('ANNUAL', '2025-12-20'), '2025-12-20'),
      stored(evaluated('Q2', '2025-12-21'), '2025-12-21'),
      stored(reevaluated('Q1', '2025-12-22'), '2025-12-22'),
    ]);
    expect(document.evaluations.map((evaluation) => evaluation.period)).toEqual(['Q1', 'Q2', 'ANNUAL']);
    expect(document.latestEvaluation).toMatchObject({ period: 'Q1', predikat: 'KURANG' });
    // The year's rating is the SKP's, however many quarters are rated after it.
    expect(document.predikat).toBe('BAIK');
  });

  it('takes the predikat of the latest quarter of the year before the year is rated', () => {
    const document = skp([
      ...agreedEvents(),
      stored(evaluated('Q1', '2025-04-10'), '2025-04-10'),
      stored(evaluated('Q2', '2025-07-10'), '2025-07-10'),
      stored(reevaluated('Q1', '2025-07-11'), '2025-07-11'),
    ]);
    expect(document.latestEvaluation?.period).toBe('Q1');
    expect(document.predikat).toBe('BAIK');
  });

  it('ignores events before the SKP exists', () => {
    expect([stored(submitted, '2025-01-07')].reduce<SkpDocument | null>(evolveSkpDocument, null)).toBeNull();
  });

  it('rebuilds a past state from the events recorded by then (asOf)', () => {
    const events = [...agreedEvents(), stored(evaluated('Q1', '2025-04-10'), '2025-04-10')];
    const asOf = at('2025-01-08');
    expect(skp(events.filter((event) => event.recordedAt <= asOf))).toMatchObject({ status: 'RETURNED', revision: 3, evaluations: [], predikat: null });
  });
});
