import { WbsCommand, wbsDecider, WbsEvent, WbsState, wbsStream } from '@app/domain/wbs';
import { EventCodec } from '@app/event-store';
import { normaliseTrackingCode } from '../auth/follow-secret';
import { WriteTarget } from '../commands/write-target';
import { notFound } from '../http/problem';

/** One answer for no such code, a wrong secret and a caller who may not know: a code proves nothing. */
export const noSuchReport = () => notFound('No such report');

export function trackingCodeFrom(parameter: string): string {
  const code = normaliseTrackingCode(parameter);
  if (code === null) throw noSuchReport();
  return code;
}

/** Every write to a report lands on its own stream, everything said in it sealed by `codec`. */
export const wbsTarget = (trackingCode: string, codec: EventCodec): WriteTarget<WbsState, WbsCommand, WbsEvent, null> => ({
  stream: wbsStream(trackingCode),
  decider: wbsDecider,
  codec,
  id: trackingCode,
  subject: (state) => {
    if (state.status === 'NONE') throw noSuchReport();
    return null;
  },
});

export const newWbsTarget = (trackingCode: string, codec: EventCodec): WriteTarget<WbsState, WbsCommand, WbsEvent, null> => ({
  ...wbsTarget(trackingCode, codec),
  location: `/public/v1/wbs/${trackingCode}`,
  subject: () => null,
});
