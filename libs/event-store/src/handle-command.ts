import { WrongExpectedRevisionError } from './errors';
import { EventStore, NewEventMetadata, RecordedEvent } from './event-store';
import { Position } from './position';

interface CommandDecider<State, Command, Event extends { type: string; data: unknown }> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

export interface HandleCommandOptions {
  /**
   * The revision the caller saw (HTTP If-Match). When set, a stream at another revision is
   * refused at once; when not set, a conflicting concurrent write makes us re-read and decide
   * again, so the decision is always made on the latest state.
   */
  expectedRevision?: number;
  metadata: NewEventMetadata;
  maxAttempts?: number;
}

export interface CommandResult<State, Event> {
  /** -1 when the stream still does not exist (the decision produced no event). */
  revision: number;
  /** Position of the stream's last event (the appended one, if any); null for no stream. */
  position: Position | null;
  newEvents: Event[];
  state: State;
}

/** Read the stream, fold it, decide, append with the revision the decision was based on. */
export async function handleCommand<State, Command, Event extends { type: string; data: unknown }>(
  store: EventStore,
  stream: string,
  decider: CommandDecider<State, Command, Event>,
  command: Command,
  options: HandleCommandOptions,
): Promise<CommandResult<State, Event>> {
  // Each conflict means another write landed, so n writers racing on one stream need up to n
  // attempts; ten covers the bursts one unit's staff can produce before answering a conflict.
  const maxAttempts = options.expectedRevision === undefined ? (options.maxAttempts ?? 10) : 1;
  for (let attempt = 1; ; attempt++) {
    const history = (await store.readStream(stream)) as Array<RecordedEvent<Event['type'], Event['data']>>;
    const revision = history.length - 1;
    if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
      throw new WrongExpectedRevisionError(stream, options.expectedRevision, revision);
    }
    const state = history.reduce((current, event) => decider.evolve(current, { type: event.type, data: event.data } as Event), decider.initialState());
    const newEvents = decider.decide(command, state);
    const newState = newEvents.reduce(decider.evolve, state);
    if (newEvents.length === 0) return { revision, position: history.at(-1)?.position ?? null, newEvents, state: newState };
    try {
      const result = await store.appendToStream(
        stream,
        newEvents.map((event) => ({ type: event.type, data: event.data, metadata: options.metadata })),
        { expectedRevision: revision === -1 ? 'no_stream' : revision },
      );
      return { revision: result.revision, position: result.position, newEvents, state: newState };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= maxAttempts) throw error;
      // A little jitter keeps the losers of one race from meeting again in the next.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * attempt));
    }
  }
}
