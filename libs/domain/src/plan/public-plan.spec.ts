import { evolvePlanDocument, PlanDocument } from './plan-document';
import { DEFAULT_PLAN_VIEW_SETTINGS } from './plan-view';
import { Goal, PlanEvent } from './plan.events';
import { publicPlanOf } from './public-plan';

const key = { opdCode: 'DINKES', year: 2025 };
const goals = (target: number, statement = 'Kesehatan'): Goal[] => [
  {
    code: 'G1',
    statement,
    indicators: [
      {
        code: 'I1',
        name: 'Cakupan',
        unit: '%',
        polarity: 'HIGHER_IS_BETTER',
        aggregation: 'LAST',
        annualTarget: target,
        quarterlyTargets: [20, 40, 60, target],
      },
    ],
  },
];

const documentOf = (events: PlanEvent[]): PlanDocument | null =>
  events.reduce<PlanDocument | null>(
    (document, event, revision) => evolvePlanDocument(document, { ...event, recordedAt: `2025-0${revision + 1}-01T00:00:00.000Z`, revision }),
    null,
  );

describe('the public plan', () => {
  it('is nothing while no version is approved', () => {
    expect(publicPlanOf(documentOf([{ type: 'PlanDrafted', data: { ...key, goals: goals(80) } }])!, DEFAULT_PLAN_VIEW_SETTINGS)).toBeNull();
  });

  it('carries the approved figures and reason categories, never notes, evidence, free-text reasons, returns or a pending revision', () => {
    const document = documentOf([
      { type: 'PlanDrafted', data: { ...key, goals: goals(80, 'Draf rahasia') } },
      { type: 'PlanSubmitted', data: key },
      { type: 'PlanReturned', data: { ...key, reason: 'Alasan rahasia' } },
      { type: 'PlanSubmitted', data: key },
      { type: 'PlanApproved', data: { ...key, version: 1, goals: goals(80), on: '2025-01-10' } },
      {
        type: 'RealisationReported',
        data: {
          ...key,
          quarter: 1,
          on: '2025-04-05',
          values: [{ indicatorCode: 'I1', value: 30, note: 'Catatan rahasia', evidenceUrl: 'https://x.example/rahasia' }],
        },
      },
      { type: 'RevisionStarted', data: { ...key, reasonCategory: 'PRIORITY_CHANGED', reason: 'Refocusing rahasia', goals: goals(100) } },
      { type: 'RevisionSubmitted', data: key },
      {
        type: 'RevisionApproved',
        data: { ...key, version: 2, reasonCategory: 'PRIORITY_CHANGED', reason: 'Refocusing rahasia', goals: goals(100), on: '2025-05-02' },
      },
      { type: 'RevisionStarted', data: { ...key, reasonCategory: 'STRATEGY_CHANGED', reason: 'Pending rahasia', goals: goals(50, 'Revisi rahasia') } },
    ] as PlanEvent[])!;
    const plan = publicPlanOf(document, DEFAULT_PLAN_VIEW_SETTINGS)!;
    expect(plan.versions).toEqual([
      { version: 1, approvedOn: '2025-01-10', reasonCategory: null },
      { version: 2, approvedOn: '2025-05-02', reasonCategory: 'PRIORITY_CHANGED' },
    ]);
    expect(plan).toMatchObject({ effectiveVersion: 2, achievement: 30, category: 'SANGAT_RENDAH' });
    expect(plan.goals[0].indicators[0]).toMatchObject({ annualTarget: 100, quarterlyTargets: [20, 40, 60, 100], realisation: 30 });
    expect(plan.goals[0].indicators[0].quarters).toEqual([{ quarter: 1, value: 30, achievement: 150, corrected: false }]);
    expect(JSON.stringify(plan)).not.toMatch(/rahasia/);
  });
});
