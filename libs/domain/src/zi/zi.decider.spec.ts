import { DomainError } from '../shared/domain-error';
import { DeciderSpecification, SpecCommand } from '../testing/decider-specification';
import { smallTemplate, workedAnswers } from '../testing/zi-template';
import { judge, scoreSheet } from './lke-scores';
import { DEFAULT_PREREQUISITE_RULES, ZiPrerequisites } from './zi-prerequisites';
import { evolve, initialState, ZiCommand, ziDecider } from './zi.decider';
import { LkeAnswer, LkeValue, ZiEvent, ZiTarget } from './zi.events';

type Command = SpecCommand<ZiCommand>;

const given = DeciderSpecification.for(ziDecider);
const withCode = (code: string, kind?: DomainError['kind']) => (error: unknown) => {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (kind) expect((error as DomainError).kind).toBe(kind);
};

const key = { unit: 'DINKES.PKM-STABAT', opdCode: 'DINKES', year: 2025 };
const stamp = { id: smallTemplate.id, sha256: smallTemplate.sha256 };
const declaration = {
  target: 'WBK' as ZiTarget,
  declaredOn: '2025-01-20',
  documentUrl: 'https://dinkes.example.go.id/zi/piagam-2025.pdf',
  documentSha256: 'b'.repeat(64),
  team: [{ position: 'Kepala Puskesmas', duty: 'Penanggung jawab' }],
};
const activity = { code: 'MP-1', area: 'MANAJEMEN_PERUBAHAN' as const, description: 'Sosialisasi ZI', output: 'Notulen', dueDate: '2025-03-31' };

const answers = workedAnswers();
const sheet = new Map(answers.map((answer) => [answer.itemCode, answer]));
const scores = scoreSheet(smallTemplate, sheet);

const declared: ZiEvent = { type: 'ZiDeclared', data: { ...key, ...declaration } };
const planned: ZiEvent = { type: 'ZiActionPlanSet', data: { ...key, activities: [activity], removed: [] } };
const selfAnswered: ZiEvent = { type: 'ZiSelfAnswered', data: { ...key, answers } };
const selfAssessed: ZiEvent = { type: 'ZiSelfAssessed', data: { ...key, template: stamp, scores, on: '2025-06-15' } };
const tpiAnswered: ZiEvent = { type: 'ZiTpiAnswered', data: { ...key, answers } };
const evaluated: ZiEvent = { type: 'ZiEvaluated', data: { ...key, template: stamp, scores, ...judge(scores, smallTemplate), on: '2025-06-15' } };
const returned: ZiEvent = { type: 'ZiReturned', data: { ...key, notes: 'Bukti SOP belum lengkap', on: '2025-06-15' } };
const proposed: ZiEvent = { type: 'ZiProposed', data: { ...key, target: 'WBK', on: '2025-06-15' } };
const awarded: ZiEvent = { type: 'ZiAwarded', data: { ...key, predikat: 'WBK', decreeNumber: '123/2025', decreeDate: '2025-12-10' } };

const atDeclared = [declared, planned];
const atSelfAssessed = [...atDeclared, selfAnswered, selfAssessed];
const atEvaluated = [...atSelfAssessed, tpiAnswered, evaluated];
const atProposed = [...atEvaluated, proposed];
const atAwarded = [...atProposed, awarded];

const declare = (overrides: Partial<typeof declaration> = {}, standingWbk = false, status: 'ACTIVE' | 'DISSOLVED' = 'ACTIVE'): Command => ({
  type: 'DeclareZi',
  data: { opd: { code: 'DINKES', status }, unit: key.unit, year: 2025, standingWbk, ...declaration, ...overrides },
});
const answerSelf = (given: LkeAnswer[] = answers, suggestions: Record<string, LkeValue> = {}): Command => ({
  type: 'AnswerZiSelf',
  data: { template: smallTemplate, answers: given, suggestions },
});
const submit: Command = { type: 'SubmitZiSelfAssessment', data: { template: smallTemplate } };
const answerTpi = (given = answers): Command => ({ type: 'AnswerZiTpi', data: { template: smallTemplate, answers: given } });
const evaluate: Command = { type: 'EvaluateZi', data: { template: smallTemplate } };
const giveBack = (notes = 'Bukti SOP belum lengkap'): Command => ({ type: 'ReturnZi', data: { notes } });
const good: ZiPrerequisites = { bpkOpinion: 'WTP', sakipGrade: 'B', indeksRbGrade: 'CC' };
const propose = (prerequisites: ZiPrerequisites | null = good): Command => ({ type: 'ProposeZi', data: { prerequisites, rules: DEFAULT_PREREQUISITE_RULES } });
const award: Command = { type: 'RecordZiOutcome', data: { outcome: 'AWARDED', predikat: 'WBK', decreeNumber: '123/2025', decreeDate: '2025-12-10' } };
const revoke: Command = { type: 'RevokeZi', data: { reason: 'Pegawai terjerat OTT' } };

const stageAfter = (events: ZiEvent[]) => {
  const state = events.reduce(evolve, initialState());
  return state.stage;
};

describe('Zona Integritas', () => {
  describe('declaring', () => {
    it('declares a WBK target for a unit of an active OPD', () => given([]).when(declare()).then([declared]));
    it('refuses a second declaration for the year', () => given(atAwarded).when(declare()).thenThrows(withCode('ALREADY_EXISTS')));
    it('refuses a dissolved OPD', () =>
      given([])
        .when(declare({}, false, 'DISSOLVED'))
        .thenThrows(withCode('OPD_DISSOLVED')));
    it('refuses WBBM without a standing WBK', () =>
      given([])
        .when(declare({ target: 'WBBM' }))
        .thenThrows(withCode('WBK_REQUIRED', 'RULE_VIOLATED')));
    it('declares WBBM on a standing WBK', () =>
      given([])
        .when(declare({ target: 'WBBM' }, true))
        .then([{ type: 'ZiDeclared', data: { ...key, ...declaration, target: 'WBBM' } }]));
  });

  describe('the self-assessment', () => {
    it('records answers while declared', () => given(atDeclared).when(answerSelf()).then([selfAnswered]));
    it('refuses an item not in the template as bad input', () =>
      given(atDeclared)
        .when(answerSelf([{ itemCode: 'NOPE', value: 'A', note: null }]))
        .thenThrows(withCode('VALIDATION_FAILED', 'VALIDATION')));
    it('refuses a value the answer type does not take', () =>
      given(atDeclared)
        .when(answerSelf([{ itemCode: 'IPAK', value: 'A', note: null }]))
        .thenThrows(withCode('VALIDATION_FAILED', 'VALIDATION')));
    it('submits a complete sheet with its scores and the template it was scored on', () =>
      given([...atDeclared, selfAnswered])
        .when(submit)
        .then([selfAssessed]));
    it('refuses an incomplete sheet naming the items missing', () =>
      given([...atDeclared, { type: 'ZiSelfAnswered', data: { ...key, answers: answers.slice(2) } }])
        .when(submit)
        .thenThrows((error) => {
          withCode('LKE_INCOMPLETE', 'RULE_VIOLATED')(error);
          expect((error as DomainError).extensions).toEqual({ items: ['MANAJEMEN_PERUBAHAN.P', 'MANAJEMEN_PERUBAHAN.R'] });
        }));
    it('needs a note for an answer that differs from the ledger’s suggestion', () =>
      given(atDeclared)
        .when(answerSelf([{ itemCode: 'CAPAIAN_KINERJA', value: 'A', note: null }], { CAPAIAN_KINERJA: 'B' }))
        .thenThrows(withCode('VALIDATION_FAILED', 'VALIDATION')));
    it('keeps the suggestion with the answer and marks one above it', () =>
      given(atDeclared)
        .when(
          answerSelf(
            <LkeAnswer[]>[
              { itemCode: 'CAPAIAN_KINERJA', value: 'A', note: 'Capaian triwulan IV belum dilaporkan' },
              { itemCode: 'PENATAAN_SDM.P', value: 'C', note: null },
            ],
            { CAPAIAN_KINERJA: 'B', 'PENATAAN_SDM.P': 'C' },
          ),
        )
        .then([
          {
            type: 'ZiSelfAnswered',
            data: {
              ...key,
              answers: [
                { itemCode: 'CAPAIAN_KINERJA', value: 'A', note: 'Capaian triwulan IV belum dilaporkan', suggested: 'B', aboveLedger: true },
                { itemCode: 'PENATAAN_SDM.P', value: 'C', note: null, suggested: 'C', aboveLedger: false },
              ],
            },
          },
        ]));
    it('locks the unit out of its answers once submitted', () => given(atSelfAssessed).when(answerSelf()).thenThrows(withCode('INVALID_TRANSITION')));
    it('gives the sheet back to the unit after a return', () =>
      given([...atSelfAssessed, returned])
        .when(answerSelf())
        .then([selfAnswered]));
    it('takes a resubmission after a return', () =>
      given([...atSelfAssessed, returned])
        .when(submit)
        .then([selfAssessed]));
  });

  describe('the TPI', () => {
    it('answers a self-assessed sheet', () => given(atSelfAssessed).when(answerTpi()).then([tpiAnswered]));
    it('cannot answer before the unit submits', () => given(atDeclared).when(answerTpi()).thenThrows(withCode('INVALID_TRANSITION')));
    it('evaluates with scores, meets and shortfalls', () =>
      given([...atSelfAssessed, tpiAnswered])
        .when(evaluate)
        .then([evaluated]));
    it('cannot evaluate an incomplete TPI sheet', () => given(atSelfAssessed).when(evaluate).thenThrows(withCode('LKE_INCOMPLETE')));
    it('returns a self-assessed record with notes', () => given(atSelfAssessed).when(giveBack()).then([returned]));
    it('returns an evaluated record with notes', () => given(atEvaluated).when(giveBack()).then([returned]));
    it('needs notes to return', () => given(atEvaluated).when(giveBack('  ')).thenThrows(withCode('VALIDATION_FAILED')));
    it('cannot return a proposed record', () => given(atProposed).when(giveBack()).thenThrows(withCode('INVALID_TRANSITION')));
  });

  describe('proposal and outcome', () => {
    it('proposes an evaluated record that meets its target and the prerequisites', () => given(atEvaluated).when(propose()).then([proposed]));
    it('refuses below the thresholds, with the shortfalls', () => {
      const low = scoreSheet(smallTemplate, new Map(workedAnswers({ IPAK: 2 }).map((answer) => [answer.itemCode, answer])));
      const lowEvaluation: ZiEvent = { type: 'ZiEvaluated', data: { ...key, template: stamp, scores: low, ...judge(low, smallTemplate), on: '2025-06-15' } };
      given([...atSelfAssessed, tpiAnswered, lowEvaluation])
        .when(propose())
        .thenThrows((error) => {
          withCode('THRESHOLD_NOT_MET', 'RULE_VIOLATED')(error);
          expect((error as DomainError).extensions.shortfalls).toEqual([{ rule: 'IPAK', required: 15.75, actual: 8.75 }]);
        });
    });
    it('refuses without the prerequisites recorded', () => given(atEvaluated).when(propose(null)).thenThrows(withCode('PREREQUISITE_NOT_MET')));
    it('refuses when the SAKIP grade is below B', () =>
      given(atEvaluated)
        .when(propose({ ...good, sakipGrade: 'CC' }))
        .thenThrows(withCode('PREREQUISITE_NOT_MET')));
    it('refuses when the BPK opinion is not WTP', () =>
      given(atEvaluated)
        .when(propose({ ...good, bpkOpinion: 'WDP' }))
        .thenThrows(withCode('PREREQUISITE_NOT_MET')));
    it('proposes only from EVALUATED', () => given(atSelfAssessed).when(propose()).thenThrows(withCode('INVALID_TRANSITION')));
    it('records the award', () => given(atProposed).when(award).then([awarded]));
    it('refuses an award of another predikat than proposed', () =>
      given(atProposed)
        .when({ ...award, data: { ...award.data, predikat: 'WBBM' } } as Command)
        .thenThrows(withCode('VALIDATION_FAILED')));
    it('records a refusal with its reason', () =>
      given(atProposed)
        .when({ type: 'RecordZiOutcome', data: { outcome: 'NOT_AWARDED', reason: 'IPKP di bawah ambang TPN' } })
        .then([{ type: 'ZiNotAwarded', data: { ...key, reason: 'IPKP di bawah ambang TPN' } }]));
    it('revokes an award with its reason', () =>
      given(atAwarded)
        .when(revoke)
        .then([{ type: 'ZiRevoked', data: { ...key, reason: 'Pegawai terjerat OTT', on: '2025-06-15' } }]));
    it('revokes only an award', () => given(atProposed).when(revoke).thenThrows(withCode('INVALID_TRANSITION')));
  });

  describe('the action plan', () => {
    it('is set while declared', () =>
      given([declared])
        .when({ type: 'SetZiActionPlan', data: { activities: [activity] } })
        .then([planned]));
    it('names the activities a new plan drops', () =>
      given(atDeclared)
        .when({ type: 'SetZiActionPlan', data: { activities: [{ ...activity, code: 'MP-2' }] } })
        .then([{ type: 'ZiActionPlanSet', data: { ...key, activities: [{ ...activity, code: 'MP-2' }], removed: ['MP-1'] } }]));
    it('is fixed once self-assessed', () =>
      given(atSelfAssessed)
        .when({ type: 'SetZiActionPlan', data: { activities: [] } })
        .thenThrows(withCode('INVALID_TRANSITION')));
    it('takes progress until proposed', () =>
      given(atEvaluated)
        .when({ type: 'ReportZiProgress', data: { activityCode: 'MP-1', date: '2025-03-01', status: 'DONE', evidence: [], note: null } })
        .then([{ type: 'ZiProgressReported', data: { ...key, activityCode: 'MP-1', date: '2025-03-01', status: 'DONE', evidence: [], note: null } }]));
    it('refuses progress once proposed', () =>
      given(atProposed)
        .when({ type: 'ReportZiProgress', data: { activityCode: 'MP-1', date: '2025-03-01', status: 'DONE', evidence: [], note: null } })
        .thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses progress on an activity not in the plan', () =>
      given(atDeclared)
        .when({ type: 'ReportZiProgress', data: { activityCode: 'XX', date: '2025-03-01', status: 'DONE', evidence: [], note: null } })
        .thenThrows(withCode('NOT_FOUND')));
  });

  it.each([
    [[declared], 'DECLARED'],
    [atSelfAssessed, 'SELF_ASSESSED'],
    [[...atSelfAssessed, returned], 'RETURNED'],
    [atEvaluated, 'EVALUATED'],
    [atProposed, 'PROPOSED'],
    [atAwarded, 'AWARDED'],
    [[...atAwarded, { type: 'ZiRevoked', data: { ...key, reason: 'x', on: '2026-01-01' } } as ZiEvent], 'REVOKED'],
  ])('every stage is reachable: %#', (events, stage) => expect(stageAfter(events as ZiEvent[])).toBe(stage));
});
