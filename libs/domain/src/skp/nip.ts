/**
 * A civil servant's NIP (Nomor Induk Pegawai, Perka BKN 22/2007): 18 digits, shown spaced as
 * `19800101 200501 1 001`:
 *
 * - 1–8   birth date, `YYYYMMDD`;
 * - 9–14  start of service (TMT CPNS), `YYYYMM`;
 * - 15    sex, `1` male or `2` female;
 * - 16–18 a sequence number among those sharing the rest.
 *
 * Only the structure is checked (docs docs/domain.md, Identifiers): the dates must exist, nothing
 * relates them to each other or to today. The research's "service starts about 18 years after
 * birth" is unconfirmed and the spec does not ask for it; real NIPs of PPPK staff may differ.
 */
const SHAPE = /^(\d{4})(\d{2})(\d{2})(\d{4})(\d{2})[12]\d{3}$/;

export function isValidNip(nip: string): boolean {
  const parts = SHAPE.exec(nip);
  if (!parts) return false;
  const [birthYear, birthMonth, birthDay, , serviceMonth] = parts.slice(1).map(Number);
  return isMonth(birthMonth) && birthDay >= 1 && birthDay <= daysInMonth(birthYear, birthMonth) && isMonth(serviceMonth);
}

const isMonth = (month: number) => month >= 1 && month <= 12;

/** Gregorian, so 29 February exists only in leap years (1900 was not one, 2000 was). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
