import { LkjipCommand, lkjipDecider, LkjipEvent, LkjipState, lkjipStream } from '@app/domain/lkjip';
import { WriteTarget } from '../commands/write-target';
import { OpdYearAddress, opdYearId } from '../http/opd-year-address';

/** Every write to a report lands on the unit's LKjIP stream for that year; the policies judge the address. */
export const lkjipTarget = (address: OpdYearAddress): WriteTarget<LkjipState, LkjipCommand, LkjipEvent, OpdYearAddress> => ({
  stream: lkjipStream(address.opdCode, address.year),
  decider: lkjipDecider,
  id: opdYearId(address),
  subject: () => address,
});

export const lkjipLocation = ({ opdCode, year }: OpdYearAddress) => `/api/v1/opds/${opdCode}/lkjip/${year}`;
