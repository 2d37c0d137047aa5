import { Quarter } from '@app/domain/plan';
import { invalidParameter } from '../http/problem';

export function quarterFrom(parameter: string): Quarter {
  if (!/^[1-4]$/.test(parameter)) throw invalidParameter('quarter', 'must be 1, 2, 3 or 4');
  return Number(parameter) as Quarter;
}
