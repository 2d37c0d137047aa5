import { partiesOf, SkpCommand, skpDecider, SkpEvent, SkpParties, SkpState, skpStream } from '@app/domain/skp';
import { EventCodec } from '@app/event-store';
import { WriteTarget } from '../commands/write-target';
import { notFound } from '../http/problem';
import { skpId } from './skp-address';
import type { SkpKey } from './skp-personal-data';

// Never the NIP: problem details reach logs (docs/domain.md, Privacy).
export const noSuchSkp = () => notFound('No such SKP');

/**
 * Every write to an SKP lands on the employee's stream for that year, named by the employee's
 * subject id (never the NIP), its personal fields sealed by `codec`; the policies judge the
 * parties the SKP names, read from the state the decision is made on (404 before any other
 * check: nothing is decided about an SKP that is not there).
 */
export const skpTarget = (address: SkpKey, codec: EventCodec): WriteTarget<SkpState, SkpCommand, SkpEvent, SkpParties> => ({
  stream: skpStream(address.subject, address.year),
  decider: skpDecider,
  codec,
  id: skpId(address),
  subject: (state) => {
    const parties = partiesOf(state);
    if (!parties) throw noSuchSkp();
    return parties;
  },
});

/** A draft has no state to judge yet: the policy judges the parties the draft names. */
export const newSkpTarget = (address: SkpKey, codec: EventCodec, named: SkpParties): WriteTarget<SkpState, SkpCommand, SkpEvent, SkpParties> => ({
  ...skpTarget(address, codec),
  location: `/api/v1/skp/${address.nip}/${address.year}`,
  subject: () => named,
});
