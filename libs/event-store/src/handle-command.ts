import { randomUUID } from 'node:crypto';
import { Decider, DomainCommand, DomainEvent } from '@app/decider';
import { DecisionSnapshot, decisionSnapshots } from './decision-snapshots';
import { deepFreeze } from './deep-freeze';
import { EventIdConflictError, StreamContendedError, WrongExpectedRevisionError } from './errors';
import { EventCodec, openAll } from './event-codec';
import { EventStore, NewEvent, RecordedEvent } from './event-store';
import { Position } from './position';
import { eventIdsFor, isRequestEventId } from './request-event-ids';

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
  /** Frozen once the write kept it as the stream's snapshot, as a state folded for a decision is. */
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
  const snapshots = decisionSnapshots(store);
  // The first pass decides without a round trip when it can: on the snapshot this process's
  // last decision on the stream left (DecisionSnapshot), else on its copy of the stream. The
  // append carries the revision either ends at, so one that another process made short fails
  // the append instead of landing a decision made on old state. Any refusal on them (a domain
  // error, the caller's If-Match, a lost append) is judged again on a fresh read, and does not
  // count as an attempt. A short snapshot is still where that read's fold continues from.
  const latest = snapshots.get(stream);
  let snapshot = usableSnapshot(latest, decider, options.requestId, codec);
  let cached = snapshot ? undefined : usableCopy(store.cachedStream?.(stream), latest, options.requestId);
  let recognised = false;
  for (let attempt = 1; ;) {
    const fromCopy = snapshot !== undefined || cached !== undefined;
    const kept = snapshot;
    const copy = cached;
    snapshot = undefined;
    cached = undefined;
    let base: DecisionSnapshot;
    let decision: { newEvents: Event[]; newState: State; appending: NewEvent[] };
    try {
      if (kept) base = kept;
      else {
        const history = (copy ?? (await store.readStream(stream))) as Array<RecordedEvent<Event['type'], Event['data']>>;
        const landed = options.requestId ? await alreadyAppended(history, options.requestId, decider, codec) : null;
        if (landed) return landed;
        base = await fold(decider, history, snapshots.get(stream), codec);
        if (stillGood(base)) snapshots.set(stream, base);
      }
      const state = base.state as State;
      options.authorize?.(state);
      if (options.expectedRevision !== undefined && options.expectedRevision !== base.revision) {
        throw new WrongExpectedRevisionError(stream, options.expectedRevision, base.revision);
      }
      const newEvents = decider.decide(command, state);
      const newState = newEvents.reduce((current, event) => decider.evolve(current, event), state);
      if (newEvents.length === 0) {
        // Nothing to do on a copy may only mean the copy is short (another process undid it):
        // with no append to fail, only a read can tell.
        if (fromCopy) continue;
        return { revision: base.revision, position: base.position, newEvents, state: newState };
      }
      // Ids of our own, so that a snapshot can name its last event: the next fold continues from
      // it only where the stream read holds that event at that revision.
      const ids = options.requestId ? eventIdsFor(options.requestId, newEvents.length) : newEvents.map(() => randomUUID());
      const appending = newEvents.map((event, index): NewEvent => ({ id: ids[index], type: event.type, data: event.data, metadata }));
      decision = { newEvents, newState, appending };
    } catch (error) {
      if (fromCopy) continue;
      throw error;
    }
    const { newEvents, newState, appending } = decision;
    try {
      const result = await store.appendToStream(stream, codec ? await Promise.all(appending.map((event) => codec.seal(event))) : appending, {
        expectedRevision: base.revision === -1 ? 'no_stream' : base.revision,
      });
      if (result.revision !== base.revision + appending.length) {
        // The store recognised this request's events, appended before by an attempt that saw
        // more of the stream than this decision did (another process's): the answer and the
        // state are that attempt's, which a read finds (alreadyAppended).
        snapshots.delete(stream);
        if (recognised) throw new StreamContendedError(stream, attempt);
        recognised = true;
        continue;
      }
      if (stillGood(base)) snapshots.set(stream, snapshotAfter(base, newState, result, appending));
      return { revision: result.revision, position: result.position, newEvents, state: newState };
    } catch (error) {
      // A copy made short may also hold back that this request's events are in the stream
      // already, with other events between (the store then refuses their ids): a read tells.
      if (fromCopy && error instanceof EventIdConflictError) continue;
      // Only a lost race is tried again: after any other failure the append may have landed.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (fromCopy) continue;
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

/**
 * The snapshot, when a write may decide on it: kept by this decider, what it opened still good,
 * and not holding this request's events (a retry is answered from the stream itself).
 */
function usableSnapshot(
  snapshot: DecisionSnapshot | undefined,
  decider: object,
  requestId: string | undefined,
  codec: EventCodec | undefined,
): DecisionSnapshot | undefined {
  if (!snapshot || snapshot.decider !== decider) return undefined;
  // Kept without a codec, a state has no mark to expire by, so a write with one never uses it.
  if (snapshot.stillGood ? !snapshot.stillGood() : codec !== undefined) return undefined;
  if (requestId && snapshot.ids.has(eventIdsFor(requestId, 1)[0])) return undefined;
  return snapshot;
}

/**
 * The process's copy of the stream, when a write may decide on it. The copy holds what this
 * process read, not what it appended: not for a request that may be a retry (its events may be
 * past the copy, and the store would take a decision made again for the first attempt's, whose
 * answer a read finds), nor when the stream's snapshot shows it has grown past the copy (the
 * append would fail).
 */
function usableCopy(
  copy: readonly RecordedEvent[] | undefined,
  snapshot: DecisionSnapshot | undefined,
  requestId: string | undefined,
): readonly RecordedEvent[] | undefined {
  if (!copy || requestId !== undefined) return undefined;
  return snapshot && snapshot.revision >= copy.length ? undefined : copy;
}

/** Whether what a snapshot opened may still be used; one that holds nothing opened always may. */
const stillGood = (snapshot: DecisionSnapshot): boolean => snapshot.stillGood?.() ?? true;

/**
 * The stream after an append of this process. What the state holds from opened events is as old
 * as the base's, so it keeps the base's `stillGood`. The ids are the base's set, grown: it only
 * ever holds ids of events in the stream, so the snapshots of one stream can share it.
 */
function snapshotAfter(
  base: DecisionSnapshot,
  state: unknown,
  appended: { revision: number; position: Position },
  events: readonly NewEvent[],
): DecisionSnapshot {
  for (const event of events) if (isRequestEventId(event.id!)) base.ids.add(event.id!);
  return { ...base, revision: appended.revision, position: appended.position, lastId: events.at(-1)!.id!, state: deepFreeze(state) };
}

/**
 * The stream's state, continued from the stream's snapshot where the history holds the
 * snapshot's last event at its revision (a stream only grows, so the events before it are the
 * ones the snapshot was folded from), else folded from the start. What a state holds from opened
 * events is as old as the oldest opening it was folded from, so a continued state keeps the
 * snapshot's `stillGood`: a fresh check would let it be reused past an erasure for as long as
 * writes kept coming. A codec that cannot say (no openedNow) gets one that always fails:
 * nothing it opened is kept.
 */
async function fold<State, Event extends DomainEvent>(
  decider: Decider<State, never, Event>,
  history: Array<RecordedEvent<Event['type'], Event['data']>>,
  snapshot: DecisionSnapshot | undefined,
  codec?: EventCodec,
): Promise<DecisionSnapshot> {
  const continued = usableSnapshot(snapshot, decider, undefined, codec) && history[snapshot!.revision]?.id === snapshot!.lastId ? snapshot : undefined;
  let state = (continued ? continued.state : decider.initialState()) as State;
  const stillGood = continued ? continued.stillGood : codec ? (codec.openedNow?.() ?? NEVER_GOOD) : undefined;
  const rest = history.slice(continued ? continued.revision + 1 : 0);
  const ids = continued ? continued.ids : new Set<string>();
  for (const event of rest) if (isRequestEventId(event.id)) ids.add(event.id);
  for (const event of codec ? await openAll(rest, codec) : rest) state = decider.evolve(state, { type: event.type, data: event.data } as Event);
  const last = history.at(-1);
  return { decider, revision: history.length - 1, position: last?.position ?? null, lastId: last?.id ?? null, state: deepFreeze(state), ids, stillGood };
}

const NEVER_GOOD = () => false;

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
    state: (await fold(decider, history.slice(0, end), undefined, codec)).state as State,
  };
}

function eventMetadataOf(command: DomainCommand) {
  const data = command.data as { reason?: unknown } | null;
  const reason = data && typeof data.reason === 'string' ? data.reason : undefined;
  return { actor: command.metadata.actor, ...(reason !== undefined ? { reason } : {}) };
}
