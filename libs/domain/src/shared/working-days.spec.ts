import { WorkingCalendar } from './working-days';

describe('WorkingCalendar', () => {
  // 2026-08-17 (Monday) is Independence Day; 2026-08-14 is a Friday.
  const calendar = new WorkingCalendar(['2026-08-17']);

  it('counts day 1 as the first working day after the start, skipping weekends and holidays', () => {
    expect(calendar.addWorkingDays('2026-08-13', 1)).toBe('2026-08-14');
    expect(calendar.addWorkingDays('2026-08-14', 1)).toBe('2026-08-18');
    expect(calendar.addWorkingDays('2026-08-14', 5)).toBe('2026-08-24');
  });

  it('starts the clock from a weekend day as from the Friday before', () => {
    expect(calendar.addWorkingDays('2026-08-15', 1)).toBe('2026-08-18');
  });

  it('counts the working days between two dates, the start excluded', () => {
    expect(calendar.workingDaysBetween('2026-08-14', '2026-08-24')).toBe(5);
    expect(calendar.workingDaysBetween('2026-08-14', '2026-08-17')).toBe(0);
    expect(calendar.workingDaysBetween('2026-08-24', '2026-08-14')).toBe(0);
  });

  it('agrees with itself: the n-th working day is n working days after the start', () => {
    for (let days = 0; days < 40; days += 1) {
      const deadline = calendar.addWorkingDays('2026-08-10', days);
      expect(calendar.workingDaysBetween('2026-08-10', deadline)).toBe(days);
    }
  });

  it('knows weekends and holidays', () => {
    expect(calendar.isWorkingDay('2026-08-15')).toBe(false);
    expect(calendar.isWorkingDay('2026-08-16')).toBe(false);
    expect(calendar.isWorkingDay('2026-08-17')).toBe(false);
    expect(calendar.isWorkingDay('2026-08-18')).toBe(true);
  });
});
