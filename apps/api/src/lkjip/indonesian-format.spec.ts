import { formatCategory, formatDay, formatNumber } from './indonesian-format';

describe('Indonesian formatting', () => {
  it.each<[number | null, string]>([
    [1234567.89, '1.234.567,89'],
    [1e15, '1.000.000.000.000.000'],
    [105, '105'],
    [-3.5, '-3,5'],
    [null, '–'],
  ])('prints %p as %s', (value, printed) => expect(formatNumber(value)).toBe(printed));

  it('prints a day with its Indonesian month name, whatever the server’s zone', () => {
    expect(formatDay('2026-03-10')).toBe('10 Maret 2026');
    expect(formatDay('2026-02-28')).toBe('28 Februari 2026');
  });

  it('prints a category as words', () => expect([formatCategory('SANGAT_TINGGI'), formatCategory(null)]).toEqual(['Sangat Tinggi', '–']));
});
