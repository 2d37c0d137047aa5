import { SystemClock } from './clock';

describe('SystemClock', () => {
  it('counts days in the configured time zone, not in UTC', () => {
    // 18:30 UTC is already 01:30 the next morning in Jakarta (UTC+7).
    const evening = new Date('2025-05-02T18:30:00Z');
    expect(new SystemClock('Asia/Jakarta').dayOf(evening)).toBe('2025-05-03');
    expect(new SystemClock('UTC').dayOf(evening)).toBe('2025-05-02');
  });
});
