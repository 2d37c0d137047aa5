import { DEFAULT_ACHIEVEMENT_SETTINGS } from '../plan/achievement';
import { evolvePlanDocument, PlanDocument } from '../plan/plan-document';
import { DEFAULT_PLAN_VIEW_SETTINGS, planView } from '../plan/plan-view';
import { Goal, Indicator, PlanEvent } from '../plan/plan.events';
import { figureDifferences, freezeFigures } from './lkjip-figures';

const key = { opdCode: 'DINKES', year: 2025 };
const indicator = (code: string, overrides: Partial<Indicator> = {}): Indicator => ({
  code,
  name: `Indikator ${code}`,
  unit: '%',
  polarity: 'HIGHER_IS_BETTER',
  aggregation: 'LAST',
  annualTarget: 90,
  quarterlyTargets: [80, 84, 87, 90],
  ...overrides,
});
const value = (indicatorCode: string, figure: number) => ({ indicatorCode, value: figure, evidenceUrl: null, note: null });

// The docs/api.md example, as plan-view.spec.ts builds it.
const goals: Goal[] = [
  { code: 'G1', statement: 'Kesehatan', indicators: [indicator('I1'), indicator('I2', { annualTarget: 50, quarterlyTargets: null })] },
  {
    code: 'G2',
    statement: 'Gizi',
    indicators: [indicator('I3', { polarity: 'LOWER_IS_BETTER', aggregation: 'SUM', annualTarget: 20, quarterlyTargets: null })],
  },
];
const drafted: PlanEvent = { type: 'PlanDrafted', data: { ...key, goals } };
const approved: PlanEvent[] = [drafted, { type: 'PlanSubmitted', data: key }, { type: 'PlanApproved', data: { ...key, version: 1, goals, on: '2025-01-07' } }];
const q1: PlanEvent = {
  type: 'RealisationReported',
  data: { ...key, quarter: 1, values: [value('I1', 82), value('I2', 100), value('I3', 4)], on: '2025-04-10' },
};
const q2: PlanEvent = { type: 'RealisationReported', data: { ...key, quarter: 2, values: [value('I1', 94.5), value('I3', 14)], on: '2025-07-10' } };
const correctedQ2: PlanEvent = {
  type: 'RealisationCorrected',
  data: { ...key, quarter: 2, values: [value('I1', 72)], reason: 'Salah hitung', on: '2025-07-20' },
};

const documentOf = (events: PlanEvent[]): PlanDocument =>
  events.reduce<PlanDocument | null>(
    (document, event, revision) =>
      evolvePlanDocument(document, { ...event, recordedAt: `2025-01-${String(revision + 1).padStart(2, '0')}T02:00:00.000Z`, revision }),
    null,
  )!;

describe('LKjIP figures', () => {
  const plan = documentOf([...approved, q1, q2]);
  const frozen = freezeFigures(plan, DEFAULT_ACHIEVEMENT_SETTINGS, '0000000000000042')!;

  it('are the plan read’s figures for its effective version, with where they came from', () => {
    const view = planView(plan, DEFAULT_PLAN_VIEW_SETTINGS);
    expect(frozen).toMatchObject({ planVersion: 1, planRevision: 4, fromPosition: '0000000000000042', scale: 'PERMENDAGRI_86_2017', cap: 120 });
    expect(frozen).toMatchObject({ achievement: view.achievement, category: view.category });
    expect(frozen.achievement).toBe(111.25);
    expect(frozen.goals).toEqual(view.goals.map(({ code, statement, achievement, category }) => ({ code, statement, achievement, category })));
    expect(frozen.goals.map((goal) => goal.achievement)).toEqual([112.5, 110]);
    expect(frozen.indicators).toEqual(
      view.goals.flatMap((goal) =>
        goal.indicators.map((i) => ({
          goalCode: goal.code,
          code: i.code,
          name: i.name,
          unit: i.unit,
          polarity: i.polarity,
          aggregation: i.aggregation,
          target: i.annualTarget,
          realisation: i.realisation,
          achievement: i.achievement,
          category: i.category,
        })),
      ),
    );
    expect(frozen.indicators.map((i) => [i.code, i.target, i.realisation, i.achievement])).toEqual([
      ['I1', 90, 94.5, 105],
      ['I2', 50, 100, 200],
      ['I3', 20, 18, 110],
    ]);
  });

  it('use the configured cap and scale, and name them', () => {
    const settings = {
      cap: 100,
      scale: {
        name: 'REGIONAL_2024',
        bands: [
          { category: 'BAIK', min: 100 },
          { category: 'KURANG', min: 0 },
        ],
      },
    };
    expect(freezeFigures(plan, settings, '1')).toMatchObject({ scale: 'REGIONAL_2024', cap: 100, achievement: 100, category: 'BAIK' });
  });

  it('exist only for a plan with an effective version', () => {
    expect(freezeFigures(null, DEFAULT_ACHIEVEMENT_SETTINGS, '1')).toBeNull();
    expect(freezeFigures(documentOf([drafted, { type: 'PlanSubmitted', data: key }]), DEFAULT_ACHIEVEMENT_SETTINGS, '1')).toBeNull();
  });

  it('measure the effective version while a revision is open', () => {
    const revised: Goal[] = [{ ...goals[0], indicators: [indicator('I1', { annualTarget: 95 })] }];
    const open = documentOf([...approved, q1, { type: 'RevisionStarted', data: { ...key, reasonCategory: 'PRIORITY_CHANGED', reason: 'r', goals: revised } }]);
    expect(freezeFigures(open, DEFAULT_ACHIEVEMENT_SETTINGS, '1')!.indicators.map((i) => i.code)).toEqual(['I1', 'I2', 'I3']);
  });

  it('stay as compiled when the plan is corrected later, and the difference is listed', () => {
    const snapshot = structuredClone(frozen);
    const later = documentOf([...approved, q1, q2, correctedQ2]);
    const current = freezeFigures(later, DEFAULT_ACHIEVEMENT_SETTINGS, '0000000000000050')!;
    expect(frozen).toEqual(snapshot);
    expect(current.indicators[0]).toMatchObject({ code: 'I1', realisation: 72, achievement: 80 });
    expect(figureDifferences(frozen, current)).toEqual([
      { code: 'I1', goalCode: 'G1', compiled: { target: 90, realisation: 94.5, achievement: 105 }, current: { target: 90, realisation: 72, achievement: 80 } },
    ]);
  });

  it('differ in nothing when the plan has not moved', () => {
    expect(figureDifferences(frozen, freezeFigures(plan, DEFAULT_ACHIEVEMENT_SETTINGS, '0000000000000042')!)).toEqual([]);
  });

  it('list indicators a later version added or dropped, and changed targets', () => {
    const revised: Goal[] = [{ ...goals[0], indicators: [indicator('I1', { annualTarget: 100 }), indicator('I4')] }, goals[1]];
    const later = documentOf([
      ...approved,
      q1,
      q2,
      { type: 'RevisionStarted', data: { ...key, reasonCategory: 'STRATEGY_CHANGED', reason: 'r', goals: revised } },
      { type: 'RevisionSubmitted', data: key },
      { type: 'RevisionApproved', data: { ...key, version: 2, reasonCategory: 'STRATEGY_CHANGED', reason: 'r', goals: revised, on: '2025-08-01' } },
    ]);
    const current = freezeFigures(later, DEFAULT_ACHIEVEMENT_SETTINGS, '0000000000000060')!;
    expect(current.planVersion).toBe(2);
    expect(figureDifferences(frozen, current)).toEqual([
      {
        code: 'I1',
        goalCode: 'G1',
        compiled: { target: 90, realisation: 94.5, achievement: 105 },
        current: { target: 100, realisation: 94.5, achievement: 94.5 },
      },
      { code: 'I2', goalCode: 'G1', compiled: { target: 50, realisation: 100, achievement: 200 }, current: null },
      { code: 'I4', goalCode: 'G1', compiled: null, current: { target: 90, realisation: null, achievement: null } },
    ]);
  });
});
