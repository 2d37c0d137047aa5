import { opdOfUnit, ZI_UNIT } from '@app/domain/zi';
import { addressFromPath } from '../http/address-from-path';
import { CODE } from '../http/input-rules';
import { yearFrom } from '../http/opd-year-address';
import { invalidParameter } from '../http/problem';

/** `…/zi/{unit}/{year}`: a ZI unit (an OPD or `OPD.SUBUNIT`), the OPD it belongs to, and a year. */
export interface ZiAddress {
  unit: string;
  opdCode: string;
  year: number;
}

export function ziAddress(unit: string, yearParameter: string, today: string): ZiAddress {
  if (!ZI_UNIT.test(unit)) throw invalidParameter('unit', 'must be an OPD code, or an OPD code, a dot and a code of the same form (DINKES.PKM-STABAT)');
  return { unit, opdCode: opdOfUnit(unit), year: yearFrom(yearParameter, today) };
}

/** `{unit}-{year}`: the id writes answer and history and integrity take. */
export const ziId = ({ unit, year }: ZiAddress) => `${unit}-${year}`;

export const ZiAddressFromPath = addressFromPath(['unit', 'year'], ({ unit, year }, today) => ziAddress(unit, year, today));

/** The year of a year's prerequisites (`…/zi/prerequisites/{year}`). */
export const ZiYearFromPath = addressFromPath(['year'], ({ year }, today) => yearFrom(year, today));

export function activityCodeFrom(parameter: string): string {
  if (!CODE.test(parameter)) throw invalidParameter('activityCode', 'must be 1 to 32 letters, digits, dots, dashes or underscores');
  return parameter;
}
