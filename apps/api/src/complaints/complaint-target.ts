import { ComplaintCommand, complaintDecider, ComplaintEvent, ComplaintState, complaintStream } from '@app/domain/complaint';
import { EventCodec } from '@app/event-store';
import { WriteTarget } from '../commands/write-target';
import { notFound } from '../http/problem';
import { normaliseTrackingCode } from '../auth/follow-secret';

/** One answer for no such code, a wrong secret and a report the caller may not see: a code proves nothing. */
export const noSuchComplaint = () => notFound('No such complaint');

/** `complaints/{trackingCode}` as typed (any case, blanks around it), or 404 before anything is read. */
export function trackingCodeFrom(parameter: string): string {
  const code = normaliseTrackingCode(parameter);
  if (code === null) throw noSuchComplaint();
  return code;
}

/** What the policies judge: the unit the complaint concerns (null until one is named). */
export interface ComplaintSubject {
  opdCode: string | null;
}

/** Every write to a complaint lands on its own stream, the reporter's words sealed by `codec`. */
export const complaintTarget = (trackingCode: string, codec: EventCodec): WriteTarget<ComplaintState, ComplaintCommand, ComplaintEvent, ComplaintSubject> => ({
  stream: complaintStream(trackingCode),
  decider: complaintDecider,
  codec,
  id: trackingCode,
  subject: (state) => {
    if (state.status === 'NONE') throw noSuchComplaint();
    return { opdCode: state.opdCode };
  },
});

export const newComplaintTarget = (
  trackingCode: string,
  codec: EventCodec,
): WriteTarget<ComplaintState, ComplaintCommand, ComplaintEvent, ComplaintSubject> => ({
  ...complaintTarget(trackingCode, codec),
  location: `/public/v1/complaints/${trackingCode}`,
  subject: () => ({ opdCode: null }),
});
