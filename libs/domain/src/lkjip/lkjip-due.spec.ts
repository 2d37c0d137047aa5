import { isLate, isLkjipDueSetting, lkjipDueDate } from './lkjip-due';

describe('LKjIP due date', () => {
  it.each<[number, string]>([
    [2024, '2025-02-28'],
    [2025, '2026-02-28'],
    [2027, '2028-02-29'],
    [2099, '2100-02-28'],
    [2399, '2400-02-29'],
  ])('falls by default at the end of February after report year %i', (year, due) => expect(lkjipDueDate(year)).toBe(due));

  it('follows a configured MM-DD of the next year', () => {
    expect(lkjipDueDate(2025, '03-31')).toBe('2026-03-31');
    expect(lkjipDueDate(2025, '01-15')).toBe('2026-01-15');
    expect(lkjipDueDate(2025, '12-31')).toBe('2026-12-31');
  });

  it('reads 02-29 as the end of February in a year without one', () => {
    expect(lkjipDueDate(2024, '02-29')).toBe('2025-02-28');
    expect(lkjipDueDate(2027, '02-29')).toBe('2028-02-29');
  });

  it.each(['02-30', '04-31', '13-01', '00-10', '03-00', '3-31', '2026-03-31', ''])('refuses the setting %j', (setting) => {
    expect(isLkjipDueSetting(setting)).toBe(false);
    expect(() => lkjipDueDate(2025, setting)).toThrow('LKJIP_DUE must be MM-DD');
  });

  it.each(['02-28', '02-29', '03-31', '12-31', '01-01'])('accepts the setting %j', (setting) => expect(isLkjipDueSetting(setting)).toBe(true));
});

describe('LKjIP lateness', () => {
  const due = '2026-02-28';
  const submittedOn = (...days: string[]) => ({ submissions: days.map((on) => ({ at: `${on}T03:00:00.000Z`, on })) });

  it.each<[string, ReturnType<typeof submittedOn> | null, string, boolean]>([
    ['not compiled, before the due date', null, '2026-02-10', false],
    ['not compiled, on the due date', null, '2026-02-28', false],
    ['not compiled, after the due date', null, '2026-03-01', true],
    ['compiled, never submitted, on the due date', submittedOn(), '2026-02-28', false],
    ['compiled, never submitted, after the due date', submittedOn(), '2026-03-01', true],
    ['submitted on the due date', submittedOn('2026-02-28'), '2026-06-01', false],
    ['submitted before the due date', submittedOn('2026-01-20'), '2026-06-01', false],
    ['submitted the day after the due date', submittedOn('2026-03-01'), '2026-03-01', true],
    ['submitted on time, returned and resubmitted late', submittedOn('2026-02-20', '2026-03-15'), '2026-06-01', false],
  ])('%s', (_case, document, today, late) => expect(isLate(document, today, due)).toBe(late));
});
