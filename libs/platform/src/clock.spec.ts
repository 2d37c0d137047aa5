import { SystemClock } from './clock';

describe('SystemClock', () => {
  it('counts days in the configured time zone, not in UTC', () => {
    // 18:30 UTC is already 01:30 the next morning in Jakarta (UTC+7).
    const evening = new Date('2025-05-02T18:30:00Z');
    expect(new SystemClock('Asia/Jakarta').dayOf(evening)).toBe('2025-05-03');
    expect(new SystemClock('UTC').dayOf(evening)).toBe('2025-05-02');
  });

  it('answers the day of each instant asked, across midnight and back, to the millisecond', () => {
    const clock = new SystemClock('Asia/Jakarta');
    const asked = ['2025-05-02T16:59:59.999Z', '2025-05-02T17:00:00.000Z', '2025-05-02T16:59:30.000Z', '2025-05-02T17:00:59.999Z', '2024-12-31T16:59:00.000Z'];
    expect(asked.map((instant) => clock.dayOf(new Date(instant)))).toEqual(['2025-05-02', '2025-05-03', '2025-05-02', '2025-05-03', '2024-12-31']);
    expect(() => clock.dayOf(new Date('not a date'))).toThrow(RangeError);
  });
});
