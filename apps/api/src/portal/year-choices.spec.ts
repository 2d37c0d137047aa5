import { yearChoices } from './year-choices';

describe('the regency page’s year choices', () => {
  it('reach from next year back over five years, newest first', () =>
    expect(yearChoices(2025, '2025-08-05')).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020]));

  it('keep a year further back that the reader asked for', () =>
    expect(yearChoices(2010, '2025-08-05')).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2010]));

  it('offer no year before any plan can be', () => expect(yearChoices(2001, '2002-01-01')).toEqual([2003, 2002, 2001, 2000]));
});
