import { PlanCommand, planDecider, PlanEvent, PlanState, planStream } from '@app/domain/plan';
import { WriteTarget } from '../commands/write-target';
import { OpdYearAddress, opdYearId } from '../http/opd-year-address';

/** Every write to a plan lands on the unit's stream for that year; the policies judge the address. */
export const planTarget = (address: OpdYearAddress): WriteTarget<PlanState, PlanCommand, PlanEvent, OpdYearAddress> => ({
  stream: planStream(address.opdCode, address.year),
  decider: planDecider,
  id: opdYearId(address),
  subject: () => address,
});

export const planLocation = ({ opdCode, year }: OpdYearAddress) => `/api/v1/opds/${opdCode}/plans/${year}`;
