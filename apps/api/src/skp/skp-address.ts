import { isValidNip, SKP_PERIODS, SKP_QUARTERS, SkpPeriod, SkpQuarter } from '@app/domain/skp';
import { addressFromPath } from '../http/address-from-path';
import { yearFrom } from '../http/opd-year-address';
import { problem, ProblemException } from '../http/problem';

const invalid = (field: string, message: string) =>
  new ProblemException(problem(400, 'VALIDATION_FAILED', `${field} ${message}`, { errors: [{ field, message }] }));

export interface SkpAddress {
  nip: string;
  year: number;
}

/**
 * `skp/{nip}/{year}`: a NIP whose structure holds and a year as plans allow it (2000 to this
 * year + 5). The message never repeats the NIP: problem details reach logs.
 */
export function skpAddress(nip: string, yearParameter: string, today: string): SkpAddress {
  if (!isValidNip(nip)) throw invalid('nip', 'must be an 18-digit NIP with a real birth date, start of service and sex digit');
  return { nip, year: yearFrom(yearParameter, today) };
}

/** The route's `{nip}` and `{year}` as an SkpAddress, checked on the request's day. */
export const SkpAddressFromPath = addressFromPath(['nip', 'year'], ({ nip, year }, today) => skpAddress(nip, year, today));

/** `{nip}-{year}`: the id writes answer and history and integrity take (docs/api.md). */
export const skpId = ({ nip, year }: SkpAddress) => `${nip}-${year}`;

export function quarterFrom(parameter: string): SkpQuarter {
  if (!SKP_QUARTERS.includes(parameter as SkpQuarter)) throw invalid('period', `must be one of ${SKP_QUARTERS.join(', ')}`);
  return parameter as SkpQuarter;
}

export function periodFrom(parameter: string): SkpPeriod {
  if (!SKP_PERIODS.includes(parameter as SkpPeriod)) throw invalid('period', `must be one of ${SKP_PERIODS.join(', ')}`);
  return parameter as SkpPeriod;
}
