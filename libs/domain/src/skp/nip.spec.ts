import { isValidNip } from './nip';

describe('NIP structure', () => {
  it.each([
    ['a male civil servant', '198001012005011001'],
    ['a female civil servant', '197502022000032002'],
    ['a birth on 29 February of a leap year', '198802292010121001'],
    ['a birth on 29 February 2000 (divisible by 400)', '200002292020011001'],
    ['service starting in December', '198001012005121999'],
  ])('accepts %s', (_case, nip) => expect(isValidNip(nip)).toBe(true));

  it.each([
    ['a birth date that does not exist (30 February)', '198002302005011001'],
    ['29 February of a year that is not leap', '198102292005011001'],
    ['29 February 1900 (divisible by 100, not 400)', '190002292005011001'],
    ['birth month 13', '198013012005011001'],
    ['birth day 0', '198001002005011001'],
    ['day 31 of a 30-day month', '198004312005011001'],
    ['service month 13', '198001012005131001'],
    ['service month 0', '198001012005001001'],
    ['sex digit 3', '198001012005013001'],
    ['sex digit 0', '198001012005010001'],
    ['17 digits', '19800101200501100'],
    ['19 digits', '1980010120050110011'],
    ['letters', '19800101200501100A'],
    ['the spaced display form', '19800101 200501 1 001'],
    ['nothing', ''],
  ])('refuses %s', (_case, nip) => expect(isValidNip(nip)).toBe(false));
});
