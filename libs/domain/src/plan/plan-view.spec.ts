import { correctionMarkOf, evolvePlanDocument, PlanDocument, withCorrectionMarks, withoutCorrectionMarks } from './plan-document';
import { DEFAULT_PLAN_VIEW_SETTINGS, planView, quartersReportedOnTime } from './plan-view';
import { Goal, Indicator, PlanEvent } from './plan.events';

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

/** Folds events recorded one per given instant, as the store would. */
function documentOf(events: Array<[PlanEvent, string]>): PlanDocument {
  return events.reduce<PlanDocument | null>(
    (document, [event, recordedAt], revision) => evolvePlanDocument(document, { ...event, recordedAt, revision }),
    null,
  )!;
}

function approvedPlan(goals: Goal[]): Array<[PlanEvent, string]> {
  return [
    [{ type: 'PlanDrafted', data: { ...key, goals } }, '2025-01-05T02:00:00.000Z'],
    [{ type: 'PlanSubmitted', data: key }, '2025-01-06T02:00:00.000Z'],
    [{ type: 'PlanApproved', data: { ...key, version: 1, goals, on: '2025-01-07' } }, '2025-01-07T02:00:00.000Z'],
  ];
}

const reported = (quarter: 1 | 2 | 3 | 4, on: string, values: Array<ReturnType<typeof value>>): [PlanEvent, string] => [
  { type: 'RealisationReported', data: { ...key, quarter, values, on } },
  `${on}T03:00:00.000Z`,
];

describe('the plan as read', () => {
  it('computes achievement per quarter, indicator, goal and unit as docs/api.md shows it', () => {
    const goals: Goal[] = [
      { code: 'G1', statement: 'Kesehatan', indicators: [indicator('I1'), indicator('I2', { annualTarget: 50, quarterlyTargets: null })] },
      {
        code: 'G2',
        statement: 'Gizi',
        indicators: [indicator('I3', { polarity: 'LOWER_IS_BETTER', aggregation: 'SUM', annualTarget: 20, quarterlyTargets: null })],
      },
    ];
    const document = documentOf([
      ...approvedPlan(goals),
      reported(1, '2025-04-10', [value('I1', 82), value('I2', 100), value('I3', 4)]),
      reported(2, '2025-07-10', [value('I1', 94.5), value('I3', 14)]),
    ]);
    const view = planView(document);
    const [i1, i2] = view.goals[0].indicators;
    expect(i1).toMatchObject({ realisation: 94.5, achievement: 105, category: 'SANGAT_TINGGI' });
    expect(i1.quarters).toEqual([
      { quarter: 1, value: 82, achievement: 102.5, corrected: false, evidenceUrl: null, note: null },
      { quarter: 2, value: 94.5, achievement: 112.5, corrected: false, evidenceUrl: null, note: null },
    ]);
    expect(i2).toMatchObject({ realisation: 100, achievement: 200, category: 'SANGAT_TINGGI' });
    expect(i2.quarters[0].achievement).toBeNull();
    // (105 + min(200, 120)) / 2
    expect(view.goals[0]).toMatchObject({ achievement: 112.5, category: 'SANGAT_TINGGI' });
    // SUM 18 against 20, lower is better: (40 − 18) / 20 = 110
    expect(view.goals[1].indicators[0]).toMatchObject({ realisation: 18, achievement: 110 });
    expect(view).toMatchObject({ achievement: 111.25, category: 'SANGAT_TINGGI', scale: 'PERMENDAGRI_86_2017', effectiveVersion: 1, status: 'APPROVED' });
  });

  it('shows null achievement where nothing was reported', () => {
    const view = planView(documentOf(approvedPlan([{ code: 'G1', statement: 's', indicators: [indicator('I1')] }])));
    expect(view.goals[0].indicators[0]).toMatchObject({ realisation: null, achievement: null, category: null, quarters: [] });
    expect(view).toMatchObject({ achievement: null, category: null });
  });

  it('uses the configured cap and scale, and names the scale', () => {
    const goals: Goal[] = [
      { code: 'G1', statement: 's', indicators: [indicator('I1', { quarterlyTargets: null }), indicator('I2', { annualTarget: 50, quarterlyTargets: null })] },
    ];
    const document = documentOf([...approvedPlan(goals), reported(1, '2025-04-10', [value('I1', 90), value('I2', 100)])]);
    const view = planView(document, {
      ...DEFAULT_PLAN_VIEW_SETTINGS,
      achievement: {
        cap: 100,
        scale: {
          name: 'REGIONAL_2024',
          bands: [
            { category: 'BAIK', min: 100 },
            { category: 'KURANG', min: 0 },
          ],
        },
      },
    });
    expect(view).toMatchObject({ achievement: 100, category: 'BAIK', scale: 'REGIONAL_2024' });
  });

  it('shows a corrected quarter with its new value and keeps the original in the document', () => {
    const goals: Goal[] = [{ code: 'G1', statement: 's', indicators: [indicator('I1')] }];
    const document = documentOf([
      ...approvedPlan(goals),
      reported(1, '2025-04-10', [value('I1', 28)]),
      [
        { type: 'RealisationCorrected', data: { ...key, quarter: 1, values: [value('I1', 82)], reason: 'Salah ketik', on: '2025-04-12' } },
        '2025-04-12T03:00:00.000Z',
      ],
    ]);
    expect(planView(document).goals[0].indicators[0].quarters[0]).toMatchObject({ value: 82, achievement: 102.5, corrected: true });
    expect(document.quarters[0].values).toEqual([value('I1', 28)]);
    expect(planView(document).flags).toEqual([]);
  });

  it('keeps of its corrections only the latest value of each indicator and a mark of each, however many and long they were', () => {
    const goals: Goal[] = [{ code: 'G1', statement: 's', indicators: [indicator('I1'), indicator('I2')] }];
    const correction = (n: number, values: Array<ReturnType<typeof value>>): [PlanEvent, string] => [
      { type: 'RealisationCorrected', data: { ...key, quarter: 1, values, reason: `Koreksi ${n}: ${'alasan panjang '.repeat(50)}`, on: '2025-05-20' } },
      `2025-05-20T0${n}:00:00.000Z`,
    ];
    const document = documentOf([
      ...approvedPlan(goals),
      reported(1, '2025-04-10', [value('I1', 28), value('I2', 40)]),
      correction(1, [value('I1', 30)]),
      correction(2, [value('I1', 31), value('I2', 41)]),
      correction(3, [value('I1', 32)]),
    ]);
    const [quarter] = document.quarters;
    expect(quarter.corrected).toEqual([
      { ...value('I1', 32), firstCorrectedAt: '2025-05-20T01:00:00.000Z' },
      { ...value('I2', 41), firstCorrectedAt: '2025-05-20T02:00:00.000Z' },
    ]);
    expect(quarter.corrections).toEqual([
      { at: '2025-05-20T01:00:00.000Z', on: '2025-05-20', indicatorCodes: ['I1'] },
      { at: '2025-05-20T02:00:00.000Z', on: '2025-05-20', indicatorCodes: ['I1', 'I2'] },
      { at: '2025-05-20T03:00:00.000Z', on: '2025-05-20', indicatorCodes: ['I1'] },
    ]);
    expect(JSON.stringify(document)).not.toContain('alasan');
    const quarters = planView(document).goals[0].indicators.map((one) => one.quarters[0]);
    expect(quarters.map((one) => [one.value, one.corrected])).toEqual([
      [32, true],
      [41, true],
    ]);
    // 40 days after the report: each correction is a flag for each indicator it named.
    expect(planView(document).flags.map((flag) => [flag.code, flag.indicatorCode, flag.at.slice(11, 13)])).toEqual([
      ['LATE_CORRECTION', 'I1', '01'],
      ['LATE_CORRECTION', 'I1', '02'],
      ['LATE_CORRECTION', 'I2', '02'],
      ['LATE_CORRECTION', 'I1', '03'],
    ]);
    expect(planView(document, { ...DEFAULT_PLAN_VIEW_SETTINGS, lateCorrectionDays: 45 }).flags).toEqual([]);
  });

  it('keeps its figures without its correction marks, and the marks put back give the document the fold gives', () => {
    const goals: Goal[] = [{ code: 'G1', statement: 's', indicators: [indicator('I1'), indicator('I2')] }];
    const corrected = (quarter: 1 | 2, values: Array<ReturnType<typeof value>>, at: string): [PlanEvent, string] => [
      { type: 'RealisationCorrected', data: { ...key, quarter, values, reason: 'r', on: at.slice(0, 10) } },
      at,
    ];
    const events: Array<[PlanEvent, string]> = [
      ...approvedPlan(goals),
      reported(1, '2025-04-10', [value('I1', 28), value('I2', 40)]),
      corrected(1, [value('I1', 30)], '2025-05-20T01:00:00.000Z'),
      reported(2, '2025-07-10', [value('I1', 50), value('I2', 60)]),
      corrected(2, [value('I1', 51), value('I2', 61)], '2025-07-11T01:00:00.000Z'),
      corrected(1, [value('I2', 42)], '2025-07-12T01:00:00.000Z'),
    ];
    const document = documentOf(events);
    const marks = events.flatMap(([event, recordedAt], revision) => correctionMarkOf({ ...event, recordedAt, revision }) ?? []);
    expect(marks.map((mark) => [mark.quarter, mark.revision])).toEqual([
      [1, 4],
      [2, 6],
      [1, 7],
    ]);

    const figures = withoutCorrectionMarks(document);
    expect(figures.quarters.map((report) => report.corrections)).toEqual([[], []]);
    const { flags, ...view } = planView(document);
    expect(flags.map((flag) => [flag.code, flag.quarter, flag.indicatorCode])).toEqual([
      ['LATE_CORRECTION', 1, 'I1'],
      ['LATE_CORRECTION', 1, 'I2'],
    ]);
    expect(planView(figures)).toEqual({ ...view, flags: [] });

    expect(withCorrectionMarks(figures, [...marks].reverse())).toEqual(document);
    // Marks read a moment after the document may include a later correction's: it is left out.
    const before = documentOf(events.slice(0, -1));
    expect(withCorrectionMarks(withoutCorrectionMarks(before), marks)).toEqual(before);
    // A document kept with its marks (the register's version 2) is not given them twice.
    expect(withCorrectionMarks(document, marks)).toEqual(document);
  });

  it('keeps every version and shows the effective one while a revision is open', () => {
    const goals: Goal[] = [{ code: 'G1', statement: 's', indicators: [indicator('I1')] }];
    const revised: Goal[] = [{ code: 'G1', statement: 's', indicators: [indicator('I1', { annualTarget: 95 })] }];
    const events = [
      ...approvedPlan(goals),
      [{ type: 'RevisionStarted', data: { ...key, reasonCategory: 'PRIORITY_CHANGED', reason: 'RPJMD berubah', goals: revised } }, '2025-05-01T00:00:00.000Z'],
    ] as Array<[PlanEvent, string]>;
    const open = planView(documentOf(events));
    expect(open).toMatchObject({
      status: 'REVISION_DRAFT',
      effectiveVersion: 1,
      pendingRevision: { reasonCategory: 'PRIORITY_CHANGED', reason: 'RPJMD berubah', goals: revised },
    });
    expect(open.goals[0].indicators[0].annualTarget).toBe(90);
    events.push([{ type: 'RevisionSubmitted', data: key }, '2025-05-02T00:00:00.000Z']);
    events.push([
      { type: 'RevisionApproved', data: { ...key, version: 2, reasonCategory: 'PRIORITY_CHANGED', reason: 'RPJMD berubah', goals: revised, on: '2025-05-03' } },
      '2025-05-03T00:00:00.000Z',
    ]);
    const after = planView(documentOf(events));
    expect(after).toMatchObject({ status: 'APPROVED', effectiveVersion: 2, pendingRevision: null });
    expect(after.goals[0].indicators[0].annualTarget).toBe(95);
    expect(after.versions.map((version) => [version.version, version.reasonCategory, version.goals[0].indicators[0].annualTarget])).toEqual([
      [1, null, 90],
      [2, 'PRIORITY_CHANGED', 95],
    ]);
  });

  describe('red flags', () => {
    const goals: Goal[] = [{ code: 'G1', statement: 's', indicators: [indicator('I1'), indicator('I2')] }];
    const lowered: Goal[] = [{ code: 'G1', statement: 's', indicators: [indicator('I1', { annualTarget: 70 }), indicator('I2')] }];
    const revision = (approvedAt: string): Array<[PlanEvent, string]> => [
      [{ type: 'RevisionStarted', data: { ...key, reasonCategory: 'STRATEGY_CHANGED', reason: 'r', goals: lowered } }, approvedAt],
      [{ type: 'RevisionSubmitted', data: key }, approvedAt],
      [
        {
          type: 'RevisionApproved',
          data: { ...key, version: 2, reasonCategory: 'STRATEGY_CHANGED', reason: 'r', goals: lowered, on: approvedAt.slice(0, 10) },
        },
        approvedAt,
      ],
    ];

    it('flags a target lowered after that indicator’s Q3 was reported', () => {
      const document = documentOf([
        ...approvedPlan(goals),
        reported(3, '2025-10-05', [value('I1', 60), value('I2', 85)]),
        ...revision('2025-11-01T00:00:00.000Z'),
      ]);
      expect(planView(document).flags).toEqual([{ code: 'TARGET_LOWERED_LATE', indicatorCode: 'I1', version: 2, at: '2025-11-01T00:00:00.000Z' }]);
    });

    it('counts a Q3 value first given by a correction from when it was first corrected', () => {
      const corrected = (on: string): [PlanEvent, string] => [
        { type: 'RealisationCorrected', data: { ...key, quarter: 3, values: [value('I1', 61)], reason: 'r', on } },
        `${on}T00:00:00.000Z`,
      ];
      const q3WithoutI1 = [...approvedPlan(goals), reported(3, '2025-10-05', [value('I2', 85)])];
      expect(planView(documentOf([...q3WithoutI1, corrected('2025-10-20'), corrected('2025-10-25'), ...revision('2025-11-01T00:00:00.000Z')])).flags).toEqual([
        { code: 'TARGET_LOWERED_LATE', indicatorCode: 'I1', version: 2, at: '2025-11-01T00:00:00.000Z' },
      ]);
      expect(planView(documentOf([...q3WithoutI1, ...revision('2025-11-01T00:00:00.000Z'), corrected('2025-11-02')])).flags).toEqual([]);
    });

    it('does not flag a target lowered before Q3 was reported, or one whose Q3 is not reported', () => {
      expect(
        planView(documentOf([...approvedPlan(goals), ...revision('2025-09-01T00:00:00.000Z'), reported(3, '2025-10-05', [value('I1', 60)])])).flags,
      ).toEqual([]);
      expect(
        planView(documentOf([...approvedPlan(goals), reported(3, '2025-10-05', [value('I2', 60)]), ...revision('2025-11-01T00:00:00.000Z')])).flags,
      ).toEqual([]);
    });

    describe("eased, not merely lowered: the indicator's polarity decides", () => {
      const lowerIsBetter = (annualTarget: number, quarterlyTargets: Indicator['quarterlyTargets'] = null) =>
        indicator('I3', { polarity: 'LOWER_IS_BETTER', aggregation: 'SUM', annualTarget, quarterlyTargets });
      const revisedTo = (revised: Indicator, approvedAt = '2025-11-01T00:00:00.000Z'): Array<[PlanEvent, string]> => {
        const goalsOf = [{ code: 'G1', statement: 's', indicators: [revised] }];
        return [
          [{ type: 'RevisionStarted', data: { ...key, reasonCategory: 'STRATEGY_CHANGED', reason: 'r', goals: goalsOf } }, approvedAt],
          [{ type: 'RevisionSubmitted', data: key }, approvedAt],
          [
            {
              type: 'RevisionApproved',
              data: { ...key, version: 2, reasonCategory: 'STRATEGY_CHANGED', reason: 'r', goals: goalsOf, on: approvedAt.slice(0, 10) },
            },
            approvedAt,
          ],
        ];
      };
      const afterQ3 = (first: Indicator, revised: Indicator) =>
        planView(
          documentOf([
            ...approvedPlan([{ code: 'G1', statement: 's', indicators: [first] }]),
            reported(3, '2025-10-05', [value(first.code, 12)]),
            ...revisedTo(revised),
          ]),
        ).flags;
      const flag = { code: 'TARGET_LOWERED_LATE', indicatorCode: 'I3', version: 2, at: '2025-11-01T00:00:00.000Z' };

      it('flags a lower-is-better target raised after Q3 (20 → 25), and not one cut (20 → 15)', () => {
        expect(afterQ3(lowerIsBetter(20), lowerIsBetter(25))).toEqual([flag]);
        expect(afterQ3(lowerIsBetter(20), lowerIsBetter(15))).toEqual([]);
      });

      it('judges quarterly targets the same way', () => {
        expect(afterQ3(lowerIsBetter(20, [5, 10, 15, 20]), lowerIsBetter(20, [5, 10, 16, 20]))).toEqual([flag]);
        expect(afterQ3(lowerIsBetter(20, [5, 10, 15, 20]), lowerIsBetter(20, [4, 9, 14, 20]))).toEqual([]);
      });

      it('does not flag a higher-is-better target raised after Q3', () => {
        expect(afterQ3(indicator('I3'), indicator('I3', { annualTarget: 95 }))).toEqual([]);
      });

      it('flags a polarity turned round after Q3: every target then means its opposite', () => {
        expect(afterQ3(indicator('I3', { annualTarget: 20 }), lowerIsBetter(20, [80, 84, 87, 90]))).toEqual([flag]);
      });
    });

    it('flags a quarter reported after the 15th day after it ended, and not on the 15th', () => {
      const onTime = documentOf([...approvedPlan(goals), reported(1, '2025-04-15', [value('I1', 80)])]);
      expect(planView(onTime).flags).toEqual([]);
      const late = documentOf([...approvedPlan(goals), reported(1, '2025-04-16', [value('I1', 80)])]);
      expect(planView(late).flags).toEqual([{ code: 'LATE_REPORT', quarter: 1, at: '2025-04-16T03:00:00.000Z' }]);
      expect(planView(late, { ...DEFAULT_PLAN_VIEW_SETTINGS, reportDueDays: 30 }).flags).toEqual([]);
    });

    it('flags a correction made more than 30 days after the original report', () => {
      const correction = (on: string): [PlanEvent, string] => [
        { type: 'RealisationCorrected', data: { ...key, quarter: 1, values: [value('I2', 81)], reason: 'r', on } },
        `${on}T05:00:00.000Z`,
      ];
      const base = [...approvedPlan(goals), reported(1, '2025-04-10', [value('I1', 80), value('I2', 80)])];
      expect(planView(documentOf([...base, correction('2025-05-10')])).flags).toEqual([]);
      expect(planView(documentOf([...base, correction('2025-05-11')])).flags).toEqual([
        { code: 'LATE_CORRECTION', quarter: 1, indicatorCode: 'I2', at: '2025-05-11T05:00:00.000Z' },
      ]);
    });
  });
});

describe('quarters reported on time (the LKE’s REALISATION_ON_TIME)', () => {
  const settings = { reportDueDays: 15 };
  const reported = (quarter: 1 | 2 | 3 | 4, reportedOn: string) => ({ quarter, reportedOn });
  // Q1 ends 31 March: due by 15 April. Q2 ends 30 June: due by 15 July.
  const plan = { year: 2025, quarters: [reported(1, '2025-04-15'), reported(2, '2025-07-20')] };

  it('counts the quarters whose report was due by today, and those reported by their due day', () => {
    expect(quartersReportedOnTime(plan, '2025-08-01', settings)).toEqual({ due: 2, onTime: 1 });
  });

  it('counts a quarter only once its due day has passed, reported or not', () => {
    expect(quartersReportedOnTime(plan, '2025-04-15', settings)).toEqual({ due: 0, onTime: 0 });
    expect(quartersReportedOnTime(plan, '2025-04-16', settings)).toEqual({ due: 1, onTime: 1 });
    // Q3 was never reported: due by 15 October, so late from the 16th.
    expect(quartersReportedOnTime(plan, '2025-10-16', settings)).toEqual({ due: 3, onTime: 1 });
  });
});
