import { DomainError } from '../shared/domain-error';
import { DeciderSpecification, SpecCommand } from '../testing/decider-specification';
import { CascadeLookup } from './skp-cascade';
import { SkpCommand, skpDecider } from './skp.decider';
import { RealisationValue } from '../shared/realisation-value';
import { SkpEvent, SkpIndicator, SkpResult } from './skp.events';

type Command = SpecCommand<SkpCommand>;

const given = DeciderSpecification.for(skpDecider);
const withCode = (code: string) => (error: unknown) => {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
};

const nip = '198001012005011001';
const appraiserNip = '197502022000031002';
const key = { nip, year: 2025 };
const indicator = (code: string, target = 100): SkpIndicator => ({ code, name: `Indikator ${code}`, unit: 'dokumen', polarity: 'HIGHER_IS_BETTER', target });
const fromPlan: SkpResult['cascadedFrom'] = { kind: 'PLAN_INDICATOR', opdCode: 'DINKES', year: 2025, indicatorCode: 'I1' };
const fromSuperior: SkpResult['cascadedFrom'] = { kind: 'SKP_RESULT', nip: appraiserNip, resultCode: 'R9' };
const results: SkpResult[] = [
  { code: 'R1', statement: 'Tersusunnya laporan kinerja', cascadedFrom: fromPlan, indicators: [indicator('K1'), indicator('K2')] },
  { code: 'R2', statement: 'Terlaksananya monitoring', cascadedFrom: fromSuperior, indicators: [indicator('K3', 12)] },
];
const replacedResults: SkpResult[] = [{ code: 'R3', statement: 'Terlayaninya pengaduan', cascadedFrom: fromPlan, indicators: [indicator('K9')] }];
const found: CascadeLookup = { R1: 'FOUND', R2: 'FOUND', R3: 'FOUND' };
const values = (...codes: string[]): RealisationValue[] => codes.map((indicatorCode) => ({ indicatorCode, value: 80, evidenceUrl: null, note: null }));

const drafted: SkpEvent = {
  type: 'SkpDrafted',
  data: { ...key, name: 'Siti Aminah', position: 'Analis Kebijakan', opdCode: 'DINKES', appraiserNip, results },
};
const replaced: SkpEvent = { type: 'SkpResultsReplaced', data: { ...key, results: replacedResults } };
const submitted: SkpEvent = { type: 'SkpSubmitted', data: key };
const returned: SkpEvent = { type: 'SkpReturned', data: { ...key, reason: 'Indikator belum terukur' } };
const agreed: SkpEvent = { type: 'SkpAgreed', data: { ...key, results, on: '2025-01-15' } };
const reportedQ1: SkpEvent = { type: 'SkpRealisationReported', data: { ...key, period: 'Q1', values: values('K1'), on: '2025-06-15' } };
const rating = {
  resultRating: 'AS_EXPECTED',
  behaviourRating: 'ABOVE_EXPECTATION',
  predikat: 'BAIK',
  note: null,
  behaviourNotes: {},
  on: '2025-06-15',
} as const;
const evaluatedQ1: SkpEvent = { type: 'SkpEvaluated', data: { ...key, period: 'Q1', ...rating } };
const agreedSkp = [drafted, submitted, agreed];

const draft = (changes: Partial<Extract<SkpCommand, { type: 'DraftSkp' }>['data']> = {}): Command => ({
  type: 'DraftSkp',
  data: {
    nip,
    year: 2025,
    name: 'Siti Aminah',
    position: 'Analis Kebijakan',
    opd: { code: 'DINKES', status: 'ACTIVE' },
    appraiserNip,
    results,
    cascade: found,
    ...changes,
  },
});
const replace = (content: SkpResult[] = replacedResults, cascade: CascadeLookup = found): Command => ({
  type: 'ReplaceSkpResults',
  data: { results: content, cascade },
});
const submit: Command = { type: 'SubmitSkp', data: {} };
const agree: Command = { type: 'AgreeSkp', data: {}, metadata: { today: '2025-01-15' } };
const returnSkp: Command = { type: 'ReturnSkp', data: { reason: 'Indikator belum terukur' } };
const report = (period: 'Q1' | 'Q2' | 'Q3' | 'Q4', codes = ['K1']): Command => ({ type: 'ReportSkpRealisation', data: { period, values: values(...codes) } });
const evaluate = (changes: Partial<Extract<SkpCommand, { type: 'EvaluateSkp' }>['data']> = {}): Command => ({
  type: 'EvaluateSkp',
  data: { period: 'Q1', resultRating: 'AS_EXPECTED', behaviourRating: 'ABOVE_EXPECTATION', ...changes },
});

describe('SKP', () => {
  describe('drafting', () => {
    it('drafts an SKP in an active unit', () => given([]).when(draft()).then([drafted]));
    it('refuses a second SKP for the same NIP and year', () => given([drafted]).when(draft()).thenThrows(withCode('ALREADY_EXISTS')));
    it('refuses an unknown unit', () =>
      given([])
        .when(draft({ opd: { code: 'NOPE', status: 'UNREGISTERED' } }))
        .thenThrows(withCode('UNKNOWN_OPD')));
    it('refuses a dissolved unit', () =>
      given([])
        .when(draft({ opd: { code: 'DINKES', status: 'DISSOLVED' } }))
        .thenThrows(withCode('OPD_DISSOLVED')));
    it('refuses the employee as their own appraiser', () =>
      given([])
        .when(draft({ appraiserNip: nip }))
        .thenThrows(withCode('APPRAISER_IS_EMPLOYEE')));

    it.each<[string, SkpResult[]]>([
      ['no result', []],
      ['a result without indicators', [{ ...results[0], indicators: [] }]],
      ['a result code twice', [results[0], { ...results[1], code: 'R1' }]],
      ['an indicator code twice across results', [results[0], { ...results[1], indicators: [indicator('K1')] }]],
      ['a negative target', [{ ...results[0], indicators: [indicator('K1', -1)] }]],
      ['a target that is not a number', [{ ...results[0], indicators: [indicator('K1', Number.NaN)] }]],
      ['a zero target when higher is better', [{ ...results[0], indicators: [indicator('K1', 0)] }]],
    ])('refuses %s with VALIDATION_FAILED', (_case, content) =>
      given([])
        .when(draft({ results: content }))
        .thenThrows(withCode('VALIDATION_FAILED')),
    );

    it('accepts a zero target when lower is better', () => {
      const zero: SkpResult[] = [{ ...results[0], indicators: [{ ...indicator('K1', 0), polarity: 'LOWER_IS_BETTER' }] }];
      given([])
        .when(draft({ results: zero }))
        .then([{ ...drafted, data: { ...drafted.data, results: zero } } as SkpEvent]);
    });

    it.each<[string, Partial<Extract<SkpCommand, { type: 'DraftSkp' }>['data']>]>([
      ['a plan indicator the lookup did not find', { cascade: { R1: 'MISSING', R2: 'FOUND' } }],
      ['a superior’s result the lookup did not find', { cascade: { R1: 'FOUND', R2: 'MISSING' } }],
      ['a result the lookup says nothing about', { cascade: { R1: 'FOUND' } }],
      ['a plan indicator of another year', { results: [{ ...results[0], cascadedFrom: { ...fromPlan, year: 2024 } }] }],
      ['a result of the employee’s own SKP', { results: [{ ...results[1], cascadedFrom: { kind: 'SKP_RESULT', nip, resultCode: 'R1' } }] }],
    ])('refuses %s with CASCADE_TARGET_MISSING', (_case, changes) => given([]).when(draft(changes)).thenThrows(withCode('CASCADE_TARGET_MISSING')));

    it('checks the shape of the results before their cascade', () =>
      given([])
        .when(draft({ results: [], cascade: {} }))
        .thenThrows(withCode('VALIDATION_FAILED')));
  });

  describe('editing and submitting', () => {
    it('replaces a draft’s results', () => given([drafted]).when(replace()).then([replaced]));
    it('replaces a returned SKP’s results', () => given([drafted, submitted, returned]).when(replace()).then([replaced]));
    it('refuses to edit a submitted SKP', () => given([drafted, submitted]).when(replace()).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses to edit an agreed SKP', () => given(agreedSkp).when(replace()).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses invalid replacement results', () => given([drafted]).when(replace([])).thenThrows(withCode('VALIDATION_FAILED')));
    it('refuses replacement results cascaded from nothing', () =>
      given([drafted])
        .when(replace(replacedResults, { R3: 'MISSING' }))
        .thenThrows(withCode('CASCADE_TARGET_MISSING')));
    it('submits a draft', () => given([drafted]).when(submit).then([submitted]));
    it('submits a returned SKP again', () => given([drafted, submitted, returned]).when(submit).then([submitted]));
    it('refuses to submit twice', () => given([drafted, submitted]).when(submit).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses to submit an agreed SKP', () => given(agreedSkp).when(submit).thenThrows(withCode('INVALID_TRANSITION')));
  });

  describe('agreeing and returning', () => {
    it('agrees a submitted SKP, recording its results and the day', () => given([drafted, submitted]).when(agree).then([agreed]));
    it('agrees the replaced results', () =>
      given([drafted, replaced, submitted])
        .when(agree)
        .then([{ type: 'SkpAgreed', data: { ...key, results: replacedResults, on: '2025-01-15' } }]));
    it('refuses to agree a draft', () => given([drafted]).when(agree).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses to agree a returned SKP', () => given([drafted, submitted, returned]).when(agree).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses to agree twice', () => given(agreedSkp).when(agree).thenThrows(withCode('INVALID_TRANSITION')));
    it('returns a submitted SKP with a reason', () => given([drafted, submitted]).when(returnSkp).then([returned]));
    it('refuses to return a draft', () => given([drafted]).when(returnSkp).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses to return an agreed SKP', () => given(agreedSkp).when(returnSkp).thenThrows(withCode('INVALID_TRANSITION')));
  });

  describe('realisation', () => {
    it('reports a quarter of an agreed SKP on the day', () => given(agreedSkp).when(report('Q1')).then([reportedQ1]));
    it('reports another quarter', () =>
      given([...agreedSkp, reportedQ1])
        .when(report('Q2', ['K1', 'K3']))
        .then([{ type: 'SkpRealisationReported', data: { ...key, period: 'Q2', values: values('K1', 'K3'), on: '2025-06-15' } }]));
    it('refuses a draft SKP', () => given([drafted]).when(report('Q1')).thenThrows(withCode('SKP_NOT_AGREED')));
    it('refuses a submitted SKP', () => given([drafted, submitted]).when(report('Q1')).thenThrows(withCode('SKP_NOT_AGREED')));
    it('refuses an indicator the SKP does not have', () =>
      given(agreedSkp)
        .when(report('Q1', ['K9']))
        .thenThrows(withCode('UNKNOWN_INDICATOR')));
    it('refuses an indicator twice in one report', () =>
      given(agreedSkp)
        .when(report('Q1', ['K1', 'K1']))
        .thenThrows(withCode('VALIDATION_FAILED')));
    it('refuses a report without values', () => given(agreedSkp).when(report('Q1', [])).thenThrows(withCode('VALIDATION_FAILED')));
    it('measures against the agreed results, not the first draft', () => {
      const agreedReplaced: SkpEvent = { type: 'SkpAgreed', data: { ...key, results: replacedResults, on: '2025-01-15' } };
      given([drafted, replaced, submitted, agreedReplaced])
        .when(report('Q1', ['K1']))
        .thenThrows(withCode('UNKNOWN_INDICATOR'));
      given([drafted, replaced, submitted, agreedReplaced])
        .when(report('Q1', ['K9']))
        .then([{ type: 'SkpRealisationReported', data: { ...key, period: 'Q1', values: values('K9'), on: '2025-06-15' } }]);
    });
    it('refuses a quarter reported before', () =>
      given([...agreedSkp, reportedQ1])
        .when(report('Q1', ['K2']))
        .thenThrows(withCode('PERIOD_ALREADY_REPORTED')));
  });

  describe('evaluation', () => {
    it('evaluates a quarter with the predikat of the two ratings', () => given(agreedSkp).when(evaluate()).then([evaluatedQ1]));
    it('evaluates the year, with the note and notes per BerAKHLAK value', () =>
      given([...agreedSkp, evaluatedQ1])
        .when(
          evaluate({
            period: 'ANNUAL',
            resultRating: 'ABOVE_EXPECTATION',
            behaviourRating: 'ABOVE_EXPECTATION',
            note: 'Melampaui target',
            behaviourNotes: { BERORIENTASI_PELAYANAN: 'Responsif', KOLABORATIF: 'Aktif lintas bidang' },
          }),
        )
        .then([
          {
            type: 'SkpEvaluated',
            data: {
              ...key,
              period: 'ANNUAL',
              resultRating: 'ABOVE_EXPECTATION',
              behaviourRating: 'ABOVE_EXPECTATION',
              predikat: 'SANGAT_BAIK',
              note: 'Melampaui target',
              behaviourNotes: { BERORIENTASI_PELAYANAN: 'Responsif', KOLABORATIF: 'Aktif lintas bidang' },
              on: '2025-06-15',
            },
          },
        ]));
    it('evaluates a period without a realisation for it', () =>
      given(agreedSkp)
        .when(evaluate({ period: 'Q4' }))
        .then([{ type: 'SkpEvaluated', data: { ...key, period: 'Q4', ...rating } }]));
    it('ignores a reason on a first evaluation', () =>
      given(agreedSkp)
        .when(evaluate({ reason: 'tidak perlu' }))
        .then([evaluatedQ1]));
    it('refuses a draft SKP', () => given([drafted]).when(evaluate()).thenThrows(withCode('SKP_NOT_AGREED')));
    it('refuses a returned SKP', () => given([drafted, submitted, returned]).when(evaluate()).thenThrows(withCode('SKP_NOT_AGREED')));
    it('refuses a second evaluation of a period without a reason', () =>
      given([...agreedSkp, evaluatedQ1])
        .when(evaluate())
        .thenThrows(withCode('PERIOD_ALREADY_EVALUATED')));
    it('refuses a second evaluation with a blank reason', () =>
      given([...agreedSkp, evaluatedQ1])
        .when(evaluate({ reason: '  ' }))
        .thenThrows(withCode('PERIOD_ALREADY_EVALUATED')));
    it('re-evaluates a period with a reason, as its own event', () =>
      given([...agreedSkp, evaluatedQ1])
        .when(evaluate({ resultRating: 'BELOW_EXPECTATION', behaviourRating: 'BELOW_EXPECTATION', reason: 'Bukti dukung tidak valid' }))
        .then([
          {
            type: 'SkpReevaluated',
            data: {
              ...key,
              period: 'Q1',
              ...rating,
              resultRating: 'BELOW_EXPECTATION',
              behaviourRating: 'BELOW_EXPECTATION',
              predikat: 'SANGAT_KURANG',
              reason: 'Bukti dukung tidak valid',
            },
          },
        ]));
    it('needs a reason for every later re-evaluation too', () => {
      const reevaluated: SkpEvent = { type: 'SkpReevaluated', data: { ...key, period: 'Q1', ...rating, reason: 'Koreksi' } };
      given([...agreedSkp, evaluatedQ1, reevaluated])
        .when(evaluate())
        .thenThrows(withCode('PERIOD_ALREADY_EVALUATED'));
      given([...agreedSkp, evaluatedQ1, reevaluated])
        .when(evaluate({ reason: 'Koreksi kedua' }))
        .then([{ type: 'SkpReevaluated', data: { ...key, period: 'Q1', ...rating, reason: 'Koreksi kedua' } }]);
    });
  });

  it.each<Command>([replace(), submit, agree, returnSkp, report('Q1'), evaluate()])('answers NOT_FOUND for $type on an SKP that does not exist', (command) =>
    given([]).when(command).thenThrows(withCode('NOT_FOUND')),
  );
});
