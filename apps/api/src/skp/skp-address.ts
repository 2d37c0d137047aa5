import { isValidNip, SKP_PERIODS, SKP_QUARTERS, SkpPeriod, SkpQuarter } from '@app/domain/skp';
import { addressFromPath } from '../http/address-from-path';
import { yearFrom } from '../http/opd-year-address';
import { oneOfParameter } from '../http/one-of';
import { invalidParameter } from '../http/problem';

export interface SkpAddress {
  nip: string;
  year: number;
}

/**
 * `skp/{nip}/{year}`: a NIP whose structure holds and a year as plans allow it (2000 to this
 * year + 5). The message never repeats the NIP: problem details reach logs.
 */
export function skpAddress(nip: string, yearParameter: string, today: string): SkpAddress {
  if (!isValidNip(nip)) throw invalidParameter('nip', 'must be an 18-digit NIP with a real birth date, start of service and sex digit');
  return { nip, year: yearFrom(yearParameter, today) };
}

/** The route's `{nip}` and `{year}` as an SkpAddress, checked on the request's day. */
export const SkpAddressFromPath = addressFromPath(['nip', 'year'], ({ nip, year }, today) => skpAddress(nip, year, today));

/** `{nip}-{year}`: the id writes answer and history and integrity take (docs/api.md). */
export const skpId = ({ nip, year }: SkpAddress) => `${nip}-${year}`;

export function quarterFrom(parameter: string): SkpQuarter {
  return oneOfParameter('period', SKP_QUARTERS, parameter);
}

export function periodFrom(parameter: string): SkpPeriod {
  return oneOfParameter('period', SKP_PERIODS, parameter);
}
