import { addFindingTally, noFindingTally } from './finding-tally';
import { emptyScorecardParts, rankScorecards, Scorecard, scorecardOf, ScorecardSettings } from './scorecard';
import { countSkp, noSkpCounts } from './skp-tally';
import { DEFAULT_PLAN_VIEW_SETTINGS } from '../plan/plan-view';

const settings: ScorecardSettings = { plan: DEFAULT_PLAN_VIEW_SETTINGS, lkjipDue: undefined };
const withAchievement = (opdCode: string, achievement: number | null) =>
  ({
    ...scorecardOf(emptyScorecardParts(opdCode, 2025), '2025-06-01', settings),
    plan: { status: null, effectiveVersion: null, achievement, category: null },
  }) as Scorecard;

describe('scorecards', () => {
  it('ranks by achievement, highest first, ties by code, units without one last by code', () => {
    const ranked = rankScorecards([
      withAchievement('ZETA', null),
      withAchievement('DISDIK', 90),
      withAchievement('ALPHA', null),
      withAchievement('DINKES', 90),
      withAchievement('BAPPEDA', 120),
    ]);
    expect(ranked.map((scorecard) => scorecard.opdCode)).toEqual(['BAPPEDA', 'DINKES', 'DISDIK', 'ALPHA', 'ZETA']);
  });

  it('counts an SKP once whatever its events, and only its ANNUAL predikat', () => {
    const drafted = { opdCode: 'DINKES', year: 2025, agreed: false, annualPredikat: null };
    const rated = { ...drafted, agreed: true, annualPredikat: 'BAIK' as const };
    const counts = countSkp(countSkp(countSkp(noSkpCounts(), drafted, 1), drafted, -1), rated, 1);
    expect(counts).toEqual({ total: 1, agreed: 1, predikat: { SANGAT_BAIK: 0, BAIK: 1, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 } });
    expect(scorecardOf({ ...emptyScorecardParts('DINKES', 2025), skp: countSkp(counts, drafted, 1) }, '2025-06-01', settings).skp.coverage).toBe(50);
    expect(scorecardOf(emptyScorecardParts('DINKES', 2025), '2025-06-01', settings).skp.coverage).toBeNull();
  });

  it('counts a recommendation overdue only once today is after its due date, and takes a finding out exactly', () => {
    const part = { ...noFindingTally(), recommendations: 2, overdueAfter: { '2025-05-02': 2 } };
    const parts = { ...emptyScorecardParts('DINKES', 2025), findings: addFindingTally(noFindingTally(), part, 1) };
    expect(scorecardOf(parts, '2025-05-02', settings).findings.overdue).toBe(0);
    expect(scorecardOf(parts, '2025-05-03', settings).findings.overdue).toBe(2);
    expect(addFindingTally(parts.findings, part, -1)).toEqual(noFindingTally());
  });

  it('judges a unit without an LKjIP late once the end of February of the next year has passed', () => {
    expect(scorecardOf(emptyScorecardParts('DINKES', 2024), '2025-02-28', settings).lkjip).toEqual({ status: null, late: false, dueDate: '2025-02-28' });
    expect(scorecardOf(emptyScorecardParts('DINKES', 2024), '2025-03-01', settings).lkjip.late).toBe(true);
    const submitted = { ...emptyScorecardParts('DINKES', 2024), lkjip: { status: 'SUBMITTED' as const, firstSubmittedOn: '2025-02-20' } };
    expect(scorecardOf(submitted, '2025-06-01', settings).lkjip.late).toBe(false);
  });
});
