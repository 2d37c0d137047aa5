import { Quarter } from '@app/domain/plan';
import { OPD_CODE } from '../http/input-rules';
import { problem, ProblemException } from '../http/problem';

const invalid = (field: string, message: string) => new ProblemException(problem(400, 'VALIDATION_FAILED', `${field} ${message}`, { errors: [{ field, message }] }));

/** `{code}/plans/{year}` as DOMAIN.md bounds them: an OPD code, a fiscal year from 2000 to five years ahead. */
export function planAddress(code: string, yearParameter: string, today: string): { opdCode: string; year: number } {
  const opdCode = opdCodeFrom(code);
  const year = Number(yearParameter);
  const latest = Number(today.slice(0, 4)) + 5;
  if (!/^\d{4}$/.test(yearParameter) || year < 2000 || year > latest) throw invalid('year', `must be a year from 2000 to ${latest}`);
  return { opdCode, year };
}

export function opdCodeFrom(code: string): string {
  if (!OPD_CODE.test(code)) throw invalid('code', 'must be an OPD code');
  return code;
}

export function quarterFrom(parameter: string): Quarter {
  if (!/^[1-4]$/.test(parameter)) throw invalid('quarter', 'must be 1, 2, 3 or 4');
  return Number(parameter) as Quarter;
}
