import { EventStore, NewEvent, RecordedEvent } from './event-store';

/**
 * How a slice's events are stored and read back when the log must not hold what the decider
 * works on in clear (personal fields sealed under their subject's key): `seal` before the
 * append, `open` after a read. The hash chain covers what is stored, so opening changes nothing
 * that `verify` sees.
 */
export interface EventCodec {
  seal(event: NewEvent): Promise<NewEvent>;
  open(event: RecordedEvent): Promise<RecordedEvent>;
}

/** The store as a decision sees it through a codec: streams read opened, appends sealed. */
export function codecStore(store: EventStore, codec: EventCodec): EventStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'readStream') {
        return async (...args: Parameters<EventStore['readStream']>) => Promise.all((await target.readStream(...args)).map((event) => codec.open(event)));
      }
      if (property === 'appendToStream') {
        return async (stream: string, events: NewEvent[], options?: Parameters<EventStore['appendToStream']>[2]) =>
          target.appendToStream(stream, await Promise.all(events.map((event) => codec.seal(event))), options);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
