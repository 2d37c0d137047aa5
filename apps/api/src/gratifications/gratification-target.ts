import { GratificationCommand, gratificationDecider, GratificationEvent, GratificationState, gratificationStream } from '@app/domain/gratification';
import { EventCodec } from '@app/event-store';
import { WriteTarget } from '../commands/write-target';
import { notFound } from '../http/problem';

const GRATIFICATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const noSuchGratification = () => notFound('No such gratification report');

/** `gratifications/{id}`: an id the server gave out, or 404 before anything is read. */
export function gratificationId(parameter: string): string {
  if (!GRATIFICATION_ID.test(parameter)) throw noSuchGratification();
  return parameter;
}

/** Who a report concerns, for the policies: the reporter's NIP (opened by the codec). */
export interface GratificationSubject {
  nip: string;
}

/** Every write to a report lands on its own stream, its personal fields sealed by `codec`. */
export const gratificationTarget = (
  id: string,
  codec: EventCodec,
): WriteTarget<GratificationState, GratificationCommand, GratificationEvent, GratificationSubject> => ({
  stream: gratificationStream(id),
  decider: gratificationDecider,
  codec,
  id,
  subject: (state) => {
    if (state.status === 'NONE') throw noSuchGratification();
    return { nip: state.nip };
  },
});

export const newGratificationTarget = (
  id: string,
  codec: EventCodec,
  nip: string,
): WriteTarget<GratificationState, GratificationCommand, GratificationEvent, GratificationSubject> => ({
  ...gratificationTarget(id, codec),
  location: `/api/v1/gratifications/${id}`,
  subject: () => ({ nip }),
});
