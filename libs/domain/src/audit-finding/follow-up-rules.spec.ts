import { addDays } from '../shared/calendar';
import { dueDate, isOverdue, RecommendationProgress } from './follow-up-rules';

const open = (overrides: Partial<RecommendationProgress> = {}): RecommendationProgress => ({
  status: 'BELUM_DITINDAKLANJUTI',
  followUpDates: [],
  delayExcused: false,
  ...overrides,
});

describe('follow-up deadlines', () => {
  it('falls due 60 days after receipt, across month and year ends', () => {
    expect(dueDate('2025-03-03')).toBe('2025-05-02');
    expect(dueDate('2024-12-15')).toBe('2025-02-13');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it.each<[string, RecommendationProgress, string, boolean]>([
    ['not yet due', open(), '2025-05-02', false],
    ['due yesterday, nothing done', open(), '2025-05-03', true],
    ['followed up on the due date', open({ followUpDates: ['2025-05-02'] }), '2025-06-01', false],
    ['followed up only after the due date', open({ followUpDates: ['2025-05-03'] }), '2025-06-01', true],
    ['excused by a delay reason', open({ delayExcused: true }), '2025-06-01', false],
    ['assessed BELUM_SESUAI, still open', open({ status: 'BELUM_SESUAI' }), '2025-06-01', true],
    ['final: SESUAI', open({ status: 'SESUAI' }), '2025-06-01', false],
    ['final: TIDAK_DAPAT_DITINDAKLANJUTI', open({ status: 'TIDAK_DAPAT_DITINDAKLANJUTI' }), '2025-06-01', false],
  ])('%s', (_case, progress, today, overdue) => {
    expect(isOverdue(progress, '2025-05-02', today)).toBe(overdue);
  });
});
