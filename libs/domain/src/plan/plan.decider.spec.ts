import { DomainError } from '../shared/domain-error';
import { DeciderSpecification, SpecCommand } from '../testing/decider-specification';
import { PlanCommand, planDecider } from './plan.decider';

type Command = SpecCommand<PlanCommand>;
import { Goal, PlanEvent, RealisationValue } from './plan.events';

const given = DeciderSpecification.for(planDecider);
const withCode = (code: string) => (error: unknown) => {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
};

const key = { opdCode: 'DINKES', year: 2025 };
const indicator = (code: string, annualTarget = 90) => ({
  code,
  name: `Indikator ${code}`,
  unit: '%',
  polarity: 'HIGHER_IS_BETTER' as const,
  aggregation: 'LAST' as const,
  annualTarget,
  quarterlyTargets: null,
});
const goals: Goal[] = [{ code: 'G1', statement: 'Meningkatnya derajat kesehatan', indicators: [indicator('I1'), indicator('I2')] }];
const revisedGoals: Goal[] = [{ code: 'G1', statement: 'Meningkatnya derajat kesehatan', indicators: [indicator('I1', 85), indicator('I3')] }];
const values = (...codes: string[]): RealisationValue[] => codes.map((indicatorCode) => ({ indicatorCode, value: 80, evidenceUrl: null, note: null }));

const drafted: PlanEvent = { type: 'PlanDrafted', data: { ...key, goals } };
const submitted: PlanEvent = { type: 'PlanSubmitted', data: key };
const returned: PlanEvent = { type: 'PlanReturned', data: { ...key, reason: 'Target terlalu rendah' } };
const approved: PlanEvent = { type: 'PlanApproved', data: { ...key, version: 1, goals, on: '2025-01-20' } };
const revisionStarted: PlanEvent = {
  type: 'RevisionStarted',
  data: { ...key, reasonCategory: 'STRATEGY_CHANGED', reason: 'Refocusing anggaran', goals: revisedGoals },
};
const revisionSubmitted: PlanEvent = { type: 'RevisionSubmitted', data: key };
const reportedQ1: PlanEvent = { type: 'RealisationReported', data: { ...key, quarter: 1, values: values('I1'), on: '2025-04-10' } };
const approvedPlan = [drafted, submitted, approved];

const draft: Command = { type: 'DraftPlan', data: { opd: { code: 'DINKES', status: 'ACTIVE' }, year: 2025, goals } };
const submit: Command = { type: 'SubmitPlan', data: {} };
const approve: Command = { type: 'ApprovePlan', data: {}, metadata: { today: '2025-01-20' } };
const returnPlan: Command = { type: 'ReturnPlan', data: { reason: 'Target terlalu rendah' } };
const revise: Command = { type: 'StartRevision', data: { reasonCategory: 'STRATEGY_CHANGED', reason: 'Refocusing anggaran', goals: revisedGoals } };
const replace = (content: Goal[] = goals): Command => ({ type: 'ReplacePlanContent', data: { goals: content } });
const report = (quarter: 1 | 2 | 3 | 4, codes = ['I1'], today = '2025-04-10'): Command => ({
  type: 'ReportRealisation',
  data: { quarter, values: values(...codes) },
  metadata: { today },
});
const correct = (quarter: 1 | 2 | 3 | 4, codes = ['I1']): Command => ({
  type: 'CorrectRealisation',
  data: { quarter, values: values(...codes), reason: 'Salah ketik' },
  metadata: { today: '2025-04-20' },
});

describe('performance plans', () => {
  describe('drafting', () => {
    it('drafts a plan for an active unit', () => given([]).when(draft).then([drafted]));
    it('refuses a second plan for the same unit and year', () => given([drafted]).when(draft).thenThrows(withCode('ALREADY_EXISTS')));
    it('refuses an unknown unit', () =>
      given([])
        .when({ ...draft, data: { ...draft.data, opd: { code: 'NOPE', status: 'UNREGISTERED' } } })
        .thenThrows(withCode('UNKNOWN_OPD')));
    it('refuses a dissolved unit', () =>
      given([])
        .when({ ...draft, data: { ...draft.data, opd: { code: 'DINKES', status: 'DISSOLVED' } } })
        .thenThrows(withCode('OPD_DISSOLVED')));

    it.each<[string, Goal[]]>([
      ['no goal', []],
      ['a goal without indicators', [{ code: 'G1', statement: 's', indicators: [] }]],
      ['a goal code twice', [goals[0], { ...goals[0], indicators: [indicator('I9')] }]],
      ['an indicator code twice across goals', [goals[0], { code: 'G2', statement: 's', indicators: [indicator('I1')] }]],
      ['a negative target', [{ code: 'G1', statement: 's', indicators: [indicator('I1', -1)] }]],
      ['a zero target when higher is better', [{ code: 'G1', statement: 's', indicators: [indicator('I1', 0)] }]],
      [
        'a zero quarterly target when higher is better',
        [{ code: 'G1', statement: 's', indicators: [{ ...indicator('I1'), quarterlyTargets: [0, 30, 60, 90] }] }],
      ],
    ])('refuses %s with VALIDATION_FAILED', (_case, content) =>
      given([])
        .when({ ...draft, data: { ...draft.data, goals: content } })
        .thenThrows(withCode('VALIDATION_FAILED')),
    );

    it('accepts a zero target when lower is better', () => {
      const zero: Goal[] = [{ code: 'G1', statement: 's', indicators: [{ ...indicator('I1', 0), polarity: 'LOWER_IS_BETTER' }] }];
      given([])
        .when({ ...draft, data: { ...draft.data, goals: zero } })
        .then([{ type: 'PlanDrafted', data: { ...key, goals: zero } }]);
    });
  });

  describe('editing, submitting, returning and approving', () => {
    it('replaces a draft’s content', () =>
      given([drafted])
        .when(replace(revisedGoals))
        .then([{ type: 'PlanContentReplaced', data: { ...key, goals: revisedGoals } }]));
    it('replaces a returned plan’s content', () =>
      given([drafted, submitted, returned])
        .when(replace(revisedGoals))
        .then([{ type: 'PlanContentReplaced', data: { ...key, goals: revisedGoals } }]));
    it('refuses to edit a submitted plan', () => given([drafted, submitted]).when(replace()).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses to edit an approved plan (that is a revision)', () => given(approvedPlan).when(replace()).thenThrows(withCode('INVALID_TRANSITION')));
    it('submits a draft', () => given([drafted]).when(submit).then([submitted]));
    it('submits a returned plan again', () => given([drafted, submitted, returned]).when(submit).then([submitted]));
    it('refuses to submit twice', () => given([drafted, submitted]).when(submit).thenThrows(withCode('INVALID_TRANSITION')));
    it('returns a submitted plan with a reason', () => given([drafted, submitted]).when(returnPlan).then([returned]));
    it('refuses to return a draft', () => given([drafted]).when(returnPlan).thenThrows(withCode('INVALID_TRANSITION')));
    it('approves a submitted plan into effective version 1', () => given([drafted, submitted]).when(approve).then([approved]));
    it('approves the replaced content', () =>
      given([drafted, submitted, returned, { type: 'PlanContentReplaced', data: { ...key, goals: revisedGoals } }, submitted])
        .when(approve)
        .then([{ type: 'PlanApproved', data: { ...key, version: 1, goals: revisedGoals, on: '2025-01-20' } }]));
    it('refuses to approve a draft', () => given([drafted]).when(approve).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses to approve twice', () => given(approvedPlan).when(approve).thenThrows(withCode('INVALID_TRANSITION')));
    it('answers NOT_FOUND for anything but drafting a plan that does not exist', () => given([]).when(submit).thenThrows(withCode('NOT_FOUND')));
  });

  describe('revisions', () => {
    it('opens a revision of an approved plan', () => given(approvedPlan).when(revise).then([revisionStarted]));
    it('refuses a revision of a plan never approved', () => given([drafted, submitted]).when(revise).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses a second open revision', () =>
      given([...approvedPlan, revisionStarted])
        .when(revise)
        .thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses invalid revised content', () =>
      given(approvedPlan)
        .when({ ...revise, data: { ...revise.data, goals: [] } })
        .thenThrows(withCode('VALIDATION_FAILED')));
    it('edits the open revision', () =>
      given([...approvedPlan, revisionStarted])
        .when(replace(goals))
        .then([{ type: 'RevisionContentReplaced', data: { ...key, goals } }]));
    it('submits the revision', () =>
      given([...approvedPlan, revisionStarted])
        .when(submit)
        .then([revisionSubmitted]));
    it('returns the revision to its draft', () =>
      given([...approvedPlan, revisionStarted, revisionSubmitted])
        .when(returnPlan)
        .then([{ type: 'RevisionReturned', data: { ...key, reason: 'Target terlalu rendah' } }]));
    it('approves the revision into the next version with its reason', () =>
      given([...approvedPlan, revisionStarted, revisionSubmitted])
        .when(approve)
        .then([
          {
            type: 'RevisionApproved',
            data: { ...key, version: 2, reasonCategory: 'STRATEGY_CHANGED', reason: 'Refocusing anggaran', goals: revisedGoals, on: '2025-01-20' },
          },
        ]));
    it('refuses to approve a revision still in draft', () =>
      given([...approvedPlan, revisionStarted])
        .when(approve)
        .thenThrows(withCode('INVALID_TRANSITION')));
  });

  describe('realisation', () => {
    it('reports a quarter of an approved plan', () => given(approvedPlan).when(report(1)).then([reportedQ1]));
    it('reports while a revision is open, against the effective version', () =>
      given([...approvedPlan, revisionStarted])
        .when(report(1, ['I2']))
        .then([{ ...reportedQ1, data: { ...reportedQ1.data, values: values('I2') } }]));
    it('refuses a plan without an effective version', () => given([drafted, submitted]).when(report(1)).thenThrows(withCode('PLAN_NOT_APPROVED')));
    it('refuses an indicator of no effective version', () =>
      given(approvedPlan)
        .when(report(1, ['I3']))
        .thenThrows(withCode('UNKNOWN_INDICATOR')));
    it('refuses an indicator only the open revision has', () =>
      given([...approvedPlan, revisionStarted])
        .when(report(1, ['I3']))
        .thenThrows(withCode('UNKNOWN_INDICATOR')));
    it('refuses a quarter reported before', () =>
      given([...approvedPlan, reportedQ1])
        .when(report(1, ['I2']))
        .thenThrows(withCode('QUARTER_ALREADY_REPORTED')));
    it('refuses an indicator twice in one report', () =>
      given(approvedPlan)
        .when(report(1, ['I1', 'I1']))
        .thenThrows(withCode('VALIDATION_FAILED')));
    it('refuses a report without values', () => given(approvedPlan).when(report(1, [])).thenThrows(withCode('VALIDATION_FAILED')));
    it('refuses a quarter that has not begun', () =>
      given(approvedPlan)
        .when(report(3, ['I1'], '2025-06-30'))
        .thenThrows(withCode('QUARTER_NOT_STARTED')));
    it('accepts a quarter on its first day', () =>
      given(approvedPlan)
        .when(report(3, ['I1'], '2025-07-01'))
        .then([{ type: 'RealisationReported', data: { ...key, quarter: 3, values: values('I1'), on: '2025-07-01' } }]));
    it('corrects a reported quarter with a reason', () =>
      given([...approvedPlan, reportedQ1])
        .when(correct(1, ['I1', 'I2']))
        .then([{ type: 'RealisationCorrected', data: { ...key, quarter: 1, values: values('I1', 'I2'), reason: 'Salah ketik', on: '2025-04-20' } }]));
    it('refuses to correct a quarter never reported', () =>
      given([...approvedPlan, reportedQ1])
        .when(correct(2))
        .thenThrows(withCode('QUARTER_NOT_REPORTED')));
    it('refuses a correction for an unknown indicator', () =>
      given([...approvedPlan, reportedQ1])
        .when(correct(1, ['I9']))
        .thenThrows(withCode('UNKNOWN_INDICATOR')));
  });
});
