import { planYears, Quarter } from '@app/domain/plan';
import { OPD_CODE } from '../http/input-rules';
import { problem, ProblemException } from '../http/problem';

const invalid = (field: string, message: string) =>
  new ProblemException(problem(400, 'VALIDATION_FAILED', `${field} ${message}`, { errors: [{ field, message }] }));

/** `{code}/plans/{year}`: an OPD code and a year the domain allows a plan for (planYears). */
export function planAddress(code: string, yearParameter: string, today: string): { opdCode: string; year: number } {
  return { opdCode: opdCodeFrom(code), year: yearFrom(yearParameter, today) };
}

/** A year in a path, as docs/domain.md accepts years everywhere: 2000 to this year + 5. */
export function yearFrom(yearParameter: string, today: string): number {
  const year = Number(yearParameter);
  const { earliest, latest } = planYears(today);
  if (!/^\d{4}$/.test(yearParameter) || year < earliest || year > latest) throw invalid('year', `must be a year from ${earliest} to ${latest}`);
  return year;
}

export function opdCodeFrom(code: string): string {
  if (!OPD_CODE.test(code)) throw invalid('code', 'must be an OPD code');
  return code;
}

export function quarterFrom(parameter: string): Quarter {
  if (!/^[1-4]$/.test(parameter)) throw invalid('quarter', 'must be 1, 2, 3 or 4');
  return Number(parameter) as Quarter;
}
