import { planYears } from '@app/domain/plan';
import { addressFromPath } from './address-from-path';
import { OPD_CODE } from './input-rules';
import { invalidParameter } from './problem';

/** `…/{code}/…/{year}`: a unit and a year, the address of a plan, an LKjIP, a scorecard and a unit's SKP list. */
export interface OpdYearAddress {
  opdCode: string;
  year: number;
}

export function opdYearAddress(code: string, yearParameter: string, today: string): OpdYearAddress {
  return { opdCode: opdCodeFrom(code), year: yearFrom(yearParameter, today) };
}

/** A year in a path, as docs/domain.md accepts years everywhere: 2000 to this year + 5 (planYears). */
export function yearFrom(yearParameter: string, today: string): number {
  const year = Number(yearParameter);
  const { earliest, latest } = planYears(today);
  if (!/^\d{4}$/.test(yearParameter) || year < earliest || year > latest) throw invalidParameter('year', `must be a year from ${earliest} to ${latest}`);
  return year;
}

export function opdCodeFrom(code: string): string {
  if (!OPD_CODE.test(code)) throw invalidParameter('code', 'must be an OPD code');
  return code;
}

/** `{code}-{year}`: the id writes answer and history and integrity take (docs/api.md). */
export const opdYearId = ({ opdCode, year }: OpdYearAddress) => `${opdCode}-${year}`;

/** The route's `{code}` and `{year}` as an OpdYearAddress, checked on the request's day. */
export const OpdYearFromPath = addressFromPath(['code', 'year'], ({ code, year }, today) => opdYearAddress(code, year, today));
