import { partiesOf, SkpCommand, skpDecider, SkpEvent, SkpParties, SkpState, skpStream } from '@app/domain/skp';
import { WriteTarget } from '../commands/write-target';
import { notFound } from '../http/problem';
import { SkpAddress, skpId } from './skp-address';

// Never the NIP: problem details reach logs (docs/domain.md, Privacy).
export const noSuchSkp = () => notFound('No such SKP');

/**
 * Every write to an SKP lands on the employee's stream for that year; the policies judge the
 * parties the SKP names, read from the state the decision is made on (404 before any other
 * check: nothing is decided about an SKP that is not there).
 */
export const skpTarget = (address: SkpAddress): WriteTarget<SkpState, SkpCommand, SkpEvent, SkpParties> => ({
  stream: skpStream(address.nip, address.year),
  decider: skpDecider,
  id: skpId(address),
  subject: (state) => {
    const parties = partiesOf(state);
    if (!parties) throw noSuchSkp();
    return parties;
  },
});

/** A draft has no state to judge yet: the policy judges the parties the draft names. */
export const newSkpTarget = (address: SkpAddress, named: SkpParties): WriteTarget<SkpState, SkpCommand, SkpEvent, SkpParties> => ({
  ...skpTarget(address),
  location: `/api/v1/skp/${address.nip}/${address.year}`,
  subject: () => named,
});
