import { Decider, DomainCommand, DomainEvent } from '@app/decider';
import { deepFreeze } from './deep-freeze';
import { StreamContendedError, WrongExpectedRevisionError } from './errors';
import { EventCodec, openAll } from './event-codec';
import { EventStore, NewEvent, RecordedEvent } from './event-store';
import { Position } from './position';
import { eventIdsFor } from './request-event-ids';

export interface CommandOptions<State = unknown> {
  /**
   * The revision the caller saw (HTTP If-Match). When set, a stream at another revision is
   * refused at once; when not set, a conflicting concurrent write makes us re-read and decide
   * again, so the decision is always made on the latest state.
   */
  expectedRevision?: number;
  /**
   * Identifies one request however often it is sent (a digest of its Idempotency-Key, caller
   * and body). The events it appends get ids derived from it, so a retry finds them in the
   * stream and answers what the first attempt appended, even when that attempt's process died
   * between the append and its answer.
   */
  requestId?: string;
  maxAttempts?: number;
  /**
   * Who may act, and whether there is anything to act on, judged on the state the decision
   * sees: the stream is read once per attempt, for the check and the decision alike. It runs
   * before the revision check, so a caller who may not act learns nothing about revisions.
   */
  authorize?: (state: State) => void;
  /** How the stream's events are stored when they hold personal data: read sealed, opened for the decision, appended sealed. */
  codec?: EventCodec;
}

export interface CommandResult<State = unknown, Event = unknown> {
  /** -1 when the stream still does not exist (the decision produced no event). */
  revision: number;
  /** Position of the stream's last event (the appended one, if any); null for no stream. */
  position: Position | null;
  newEvents: Event[];
  state: State;
}

/**
 * Read the stream, fold it, decide, append with the revision the decision was based on. The
 * events' metadata is the command's actor, plus the command's `reason` where it has one, so
 * that the history shows why without reading the data.
 */
export async function handleCommand<State, Command extends DomainCommand, Event extends DomainEvent>(
  store: EventStore,
  stream: string,
  decider: Decider<State, Command, Event>,
  command: Command,
  options: CommandOptions<State> = {},
): Promise<CommandResult<State, Event>> {
  // Each conflict means another write landed, so n writers racing on one stream need up to n
  // attempts; ten covers the bursts one unit's staff can produce before answering a conflict.
  const maxAttempts = options.expectedRevision === undefined ? (options.maxAttempts ?? 10) : 1;
  const metadata = eventMetadataOf(command);
  const codec = options.codec;
  // The first pass decides on this process's copy of the stream when it has one, without a
  // round trip: the append carries the revision that copy ends at, so a copy that another
  // process made short fails the append instead of landing a decision made on old state. Any
  // refusal on that copy (a domain error, the caller's If-Match, a lost append) is judged
  // again on a fresh read, and does not count as an attempt.
  let cached = store.cachedStream?.(stream);
  for (let attempt = 1; ;) {
    const fromCache = cached !== undefined;
    const history = (cached ?? (await store.readStream(stream))) as Array<RecordedEvent<Event['type'], Event['data']>>;
    cached = undefined;
    let decision: { revision: number; newEvents: Event[]; newState: State; appending: NewEvent[] };
    try {
      const landed = options.requestId ? await alreadyAppended(history, options.requestId, decider, codec) : null;
      if (landed) return landed;
      const state = (await fold(decider, history, codec)) as State;
      options.authorize?.(state);
      const revision = history.length - 1;
      if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
        throw new WrongExpectedRevisionError(stream, options.expectedRevision, revision);
      }
      const newEvents = decider.decide(command, state);
      const newState = newEvents.reduce((current, event) => decider.evolve(current, event), state);
      if (newEvents.length === 0) return { revision, position: history.at(-1)?.position ?? null, newEvents, state: newState };
      const ids = options.requestId ? eventIdsFor(options.requestId, newEvents.length) : [];
      const appending = newEvents.map((event, index): NewEvent => ({ id: ids[index], type: event.type, data: event.data, metadata }));
      decision = { revision, newEvents, newState, appending };
    } catch (error) {
      if (fromCache) continue;
      throw error;
    }
    const { revision, newEvents, newState, appending } = decision;
    try {
      const result = await store.appendToStream(stream, codec ? await Promise.all(appending.map((event) => codec.seal(event))) : appending, {
        expectedRevision: revision === -1 ? 'no_stream' : revision,
      });
      return { revision: result.revision, position: result.position, newEvents, state: newState };
    } catch (error) {
      // Only a lost race is tried again: after any other failure the append may have landed.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (fromCache) continue;
      if (attempt >= maxAttempts) {
        // Unpinned, the caller named no revision, so a lost race is not theirs to resolve.
        throw options.expectedRevision === undefined ? new StreamContendedError(stream, attempt) : error;
      }
      attempt++;
      // A growing, jittered pause keeps the losers of one race from meeting again in the next.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

/** A state folded before, and whether what it was folded from is still good (see EventCodec.openedNow). */
interface Folded {
  state: unknown;
  stillGood?: () => boolean;
}

/**
 * States folded before, per decider, by the stream's last event at that point. The store's stream
 * cache gives the same frozen event objects on every read, so a write opens and folds only the
 * few events appended since the last fold instead of the whole stream: a plan or an SKP that has
 * grown to hundreds of corrections cost each of its writes a fold (and, sealed, a decryption)
 * of every one. A state is kept only for a frozen event and is frozen itself: a decider that
 * changed one would change every later decision's, and freezing makes that a TypeError in the
 * tests rather than a silent wrong answer.
 */
const foldedStates = new WeakMap<object, WeakMap<object, Folded>>();
/** How far back from the end a fold looks for a state it kept: the events appended since the last write in this process. */
const LOOK_BACK = 16;

async function fold<State, Event extends DomainEvent>(
  decider: Decider<State, never, Event>,
  events: Array<RecordedEvent<Event['type'], Event['data']>>,
  codec?: EventCodec,
): Promise<State> {
  let states = foldedStates.get(decider);
  if (!states) foldedStates.set(decider, (states = new WeakMap()));
  let state = decider.initialState();
  let next = 0;
  for (let index = events.length - 1; index >= Math.max(0, events.length - LOOK_BACK); index--) {
    const hit = states.get(events[index]);
    if (hit && (hit.stillGood?.() ?? true)) {
      state = hit.state as State;
      next = index + 1;
      break;
    }
  }
  const stillGood = codec?.openedNow?.();
  const rest = events.slice(next);
  for (const event of codec ? await openAll(rest, codec) : rest) state = decider.evolve(state, { type: event.type, data: event.data } as Event);
  const last = events.at(-1);
  if (last && next < events.length && Object.isFrozen(last) && (!codec || stillGood)) states.set(last, { state: deepFreeze(state), stillGood });
  return state;
}

/** The answer the first attempt of this request gave, when its events are in the stream. */
async function alreadyAppended<State, Event extends DomainEvent>(
  history: Array<RecordedEvent<Event['type'], Event['data']>>,
  requestId: string,
  decider: Decider<State, never, Event>,
  codec?: EventCodec,
): Promise<CommandResult<State, Event> | null> {
  const [firstId] = eventIdsFor(requestId, 1);
  const start = history.findIndex((event) => event.id === firstId);
  if (start === -1) return null;
  let end = start + 1;
  const ids = eventIdsFor(requestId, history.length - start);
  while (end < history.length && history[end].id === ids[end - start]) end++;
  const appended = history.slice(start, end);
  const last = appended[appended.length - 1];
  return {
    revision: last.revision,
    position: last.position,
    newEvents: (codec ? await openAll(appended, codec) : appended).map((event) => ({ type: event.type, data: event.data }) as Event),
    state: (await fold(decider, history.slice(0, end), codec)) as State,
  };
}

function eventMetadataOf(command: DomainCommand) {
  const data = command.data as { reason?: unknown } | null;
  const reason = data && typeof data.reason === 'string' ? data.reason : undefined;
  return { actor: command.metadata.actor, ...(reason !== undefined ? { reason } : {}) };
}
