import { EventStore, RecordedEvent } from './event-store';

/** A stream folded into one value, and the last event folded (its position and hash seal what was folded). */
export interface FoldedStream<Folded> {
  folded: Folded | null;
  last: RecordedEvent | null;
}

/**
 * One stream's events folded with a document's or a row's evolve, up to `asOf` when given:
 * what every past read (`?asOf=`) and every decision-side lookup of another stream does. The
 * evolve says which event type it takes; the stream is trusted to hold only those.
 */
export async function foldStream<Folded, Event>(
  store: EventStore,
  stream: string,
  evolve: (folded: Folded | null, event: Event) => Folded | null,
  asOf?: Date,
): Promise<FoldedStream<Folded>> {
  const events = await store.readStream(stream);
  const upTo = asOf ? events.filter((event) => new Date(event.recordedAt) <= asOf) : events;
  return {
    folded: upTo.reduce<Folded | null>((folded, event) => evolve(folded, event as unknown as Event), null),
    last: upTo.at(-1) ?? null,
  };
}
