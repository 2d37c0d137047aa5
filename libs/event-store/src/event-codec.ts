import { NewEvent, RecordedEvent } from './event-store';

/**
 * How a slice's events are stored and read back when the log must not hold what the decider
 * works on in clear (personal fields sealed under their subject's key): `seal` before the
 * append, `open` after a read (handleCommand does both). The hash chain covers what is stored,
 * so opening changes nothing that `verify` sees.
 */
export interface EventCodec {
  seal(event: NewEvent): Promise<NewEvent>;
  open(event: RecordedEvent): Promise<RecordedEvent>;
  /**
   * Taken before opening: a check of whether what is opened now may still be used later, false
   * once a subject it names may have been erased since. A write keeps the state it folded from
   * opened events only while it holds; a codec without it has nothing it opened kept.
   */
  openedNow?(): () => boolean;
}

export function openAll(events: RecordedEvent[], codec: EventCodec): Promise<RecordedEvent[]> {
  return Promise.all(events.map((event) => codec.open(event)));
}
