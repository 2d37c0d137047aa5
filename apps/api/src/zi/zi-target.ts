import {
  ZiCommand,
  ziDecider,
  ZiEvent,
  ZiPrerequisitesCommand,
  ziPrerequisitesDecider,
  ZiPrerequisitesEvent,
  ZiPrerequisitesState,
  ziPrerequisitesStream,
  ZiState,
  ziStream,
} from '@app/domain/zi';
import { WriteTarget } from '../commands/write-target';
import { ZiAddress, ziId } from './zi-address';

/** Every write to a unit's ZI year lands on its stream; the policies judge the unit's OPD. */
export const ziTarget = (address: ZiAddress): WriteTarget<ZiState, ZiCommand, ZiEvent, ZiAddress> => ({
  stream: ziStream(address.unit, address.year),
  decider: ziDecider,
  id: ziId(address),
  subject: () => address,
});

export const ziLocation = ({ unit, year }: ZiAddress) => `/api/v1/zi/${unit}/${year}`;

/** The regency's prerequisites for a year: one stream per year, the admin's alone. */
export const ziPrerequisitesTarget = (year: number): WriteTarget<ZiPrerequisitesState, ZiPrerequisitesCommand, ZiPrerequisitesEvent, number> => ({
  stream: ziPrerequisitesStream(year),
  decider: ziPrerequisitesDecider,
  id: `prerequisites-${year}`,
  subject: () => year,
});
