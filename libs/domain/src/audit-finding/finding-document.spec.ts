import { AuditFindingEvent } from './audit-finding.events';
import { evolveFindingDocument, FindingDocument, findingFigures, findingView, mayBecomeOverdue, StoredFindingEvent } from './finding-document';
import { findingTally, tallyFigures } from '../dashboard/finding-tally';
import { roundHalfUp } from '../shared/rounding';

let revision = -1;
const at = (day: string) => `${day}T03:00:00.000Z`;
const stored = (event: AuditFindingEvent, day: string): StoredFindingEvent => ({ ...event, recordedAt: at(day), revision: ++revision });

function finding(events: StoredFindingEvent[]): FindingDocument {
  return events.reduce<FindingDocument | null>(evolveFindingDocument, null)!;
}

const recorded = (amounts: Array<number | null>): AuditFindingEvent => ({
  type: 'AuditFindingRecorded',
  data: {
    findingId: 'f-1',
    opdCode: 'DINKES',
    reportNumber: 'LHP-01/2025',
    reportDate: '2025-03-01',
    receivedDate: '2025-03-03',
    title: 't',
    condition: 'c',
    criteria: 'k',
    cause: 's',
    effect: 'a',
    category: 'NON_COMPLIANCE',
    amountIdr: 12_500_000,
    recommendations: amounts.map((amountIdr, index) => ({ no: index + 1, text: `r${index + 1}`, amountIdr })),
  },
});
const followUp = (no: number, on: string, amountSettledIdr: number | null = null): AuditFindingEvent => ({
  type: 'FollowUpRecorded',
  data: { findingId: 'f-1', recommendationNo: no, description: 'd', evidenceUrl: null, amountSettledIdr, on },
});
const assess = (no: number, status: 'SESUAI' | 'BELUM_SESUAI' | 'TIDAK_DAPAT_DITINDAKLANJUTI', on = '2025-04-01'): AuditFindingEvent => ({
  type: 'RecommendationAssessed',
  data: { findingId: 'f-1', recommendationNo: no, status, note: 'n', on },
});
const delay = (no: number, on = '2025-05-10'): AuditFindingEvent => ({
  type: 'DelayReasonRecorded',
  data: { findingId: 'f-1', recommendationNo: no, reasonCategory: 'FORCE_MAJEURE', note: 'banjir', on },
});

beforeEach(() => {
  revision = -1;
});

describe('a finding as read', () => {
  it('falls due 60 days after receipt and starts with every recommendation not followed up', () => {
    const view = findingView(finding([stored(recorded([1000, null]), '2025-03-03')]), '2025-03-10');
    expect(view).toMatchObject({ dueDate: '2025-05-02', closed: false, revision: 0 });
    expect(view.recommendations.map((r) => [r.status, r.overdue, r.awaitingAssessment])).toEqual([
      ['BELUM_DITINDAKLANJUTI', false, false],
      ['BELUM_DITINDAKLANJUTI', false, false],
    ]);
  });

  it('becomes overdue by the passing of time alone', () => {
    const document = finding([stored(recorded([1000]), '2025-03-03')]);
    expect(findingView(document, '2025-05-02').recommendations[0].overdue).toBe(false);
    expect(findingView(document, '2025-05-03').recommendations[0].overdue).toBe(true);
    expect(mayBecomeOverdue(document)).toBe(true);
  });

  it('awaits assessment while a follow-up is newer than the last assessment', () => {
    const document = finding([
      stored(recorded([1000]), '2025-03-03'),
      stored(followUp(1, '2025-04-01', 400), '2025-04-01'),
      stored(assess(1, 'BELUM_SESUAI'), '2025-04-05'),
      stored(followUp(1, '2025-04-20', 600), '2025-04-20'),
    ]);
    const [recommendation] = findingView(document, '2025-06-01').recommendations;
    expect(recommendation).toMatchObject({ status: 'BELUM_SESUAI', awaitingAssessment: true, amountSettledIdr: 1000, overdue: false });
    expect(recommendation.followUps).toHaveLength(2);
  });

  it('is excused, not closed, by a delay reason', () => {
    const document = finding([stored(recorded([1000]), '2025-03-03'), stored(delay(1, '2025-05-10'), '2025-05-10')]);
    const view = findingView(document, '2025-06-01');
    expect(view.recommendations[0]).toMatchObject({ overdue: false, delayExcused: true, status: 'BELUM_DITINDAKLANJUTI' });
    expect(view.closed).toBe(false);
    expect(mayBecomeOverdue(document)).toBe(false);
  });

  it('is closed when every recommendation is final', () => {
    const document = finding([
      stored(recorded([1000, null]), '2025-03-03'),
      stored(assess(1, 'SESUAI'), '2025-04-01'),
      stored(assess(2, 'TIDAK_DAPAT_DITINDAKLANJUTI'), '2025-04-02'),
    ]);
    expect(findingView(document, '2025-09-01')).toMatchObject({ closed: true, revision: 2 });
  });
});

describe('figures per OPD', () => {
  it('counts, rates and sums as the scorecard example of docs/api.md', () => {
    const view = findingView(
      finding([
        stored(recorded([10_000_000, 2_500_000, null]), '2025-03-03'),
        stored(followUp(1, '2025-04-01', 10_000_000), '2025-04-01'),
        stored(assess(1, 'SESUAI'), '2025-04-10'),
        stored(assess(3, 'TIDAK_DAPAT_DITINDAKLANJUTI'), '2025-04-10'),
      ]),
      '2025-06-01',
    );
    expect(findingFigures([view])).toEqual({
      recommendations: 3,
      byStatus: { SESUAI: 1, BELUM_SESUAI: 0, BELUM_DITINDAKLANJUTI: 1, TIDAK_DAPAT_DITINDAKLANJUTI: 1 },
      overdue: 1,
      followUpRate: 33.33,
      amountIdr: { total: 12_500_000, settled: 10_000_000, outstanding: 2_500_000 },
    });
  });

  it('leaves amounts of recommendations that cannot be followed up out of the outstanding sum', () => {
    const view = findingView(
      finding([stored(recorded([5_000_000]), '2025-03-03'), stored(assess(1, 'TIDAK_DAPAT_DITINDAKLANJUTI'), '2025-04-01')]),
      '2025-06-01',
    );
    expect(findingFigures([view]).amountIdr).toEqual({ total: 5_000_000, settled: 0, outstanding: 0 });
  });

  it('are what a tally of the same finding gives on every day (the summary adds tallies)', () => {
    const document = finding([
      stored(recorded([10_000_000, 2_500_000, null, 700_000]), '2025-03-03'),
      stored(followUp(1, '2025-04-01', 4_000_000), '2025-04-01'),
      stored(assess(1, 'BELUM_SESUAI'), '2025-04-10'),
      stored(followUp(2, '2025-06-01'), '2025-06-01'),
      stored(delay(3), '2025-05-10'),
      stored(assess(4, 'TIDAK_DAPAT_DITINDAKLANJUTI'), '2025-04-10'),
    ]);
    for (const today of ['2025-03-10', '2025-05-02', '2025-05-03', '2025-07-01', '2026-01-01']) {
      expect(tallyFigures(findingTally(document), today)).toEqual(findingFigures([findingView(document, today)]));
    }
  });

  it('answers zeros for a unit without findings', () => {
    expect(findingFigures([])).toMatchObject({ recommendations: 0, overdue: 0, followUpRate: 0, amountIdr: { total: 0, settled: 0, outstanding: 0 } });
  });

  it.each([
    [33.3333, 33.33],
    [66.6666, 66.67],
    [1.005, 1.01],
    [12.345, 12.35],
  ])('rounds %d half-up to %d', (value, rounded) => {
    expect(roundHalfUp(value, 2)).toBe(rounded);
  });
});
