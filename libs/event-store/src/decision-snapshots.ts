import { LRUCache } from 'lru-cache';
import { Position } from './position';

/**
 * A stream as this process's last decision on it left it: the state after its events, where it
 * ends, and the ids in it that a request's retry could be looking for. handleCommand decides the
 * next write on it without reading the stream, however long the stream has grown; the append
 * carries `revision`, so a snapshot another process made short fails the append instead of
 * landing a decision made on old state, and the write is judged again on a read.
 */
export interface DecisionSnapshot {
  readonly decider: object;
  readonly revision: number;
  readonly position: Position | null;
  /** The id of the event at `revision` (null for no stream): a read that holds it there is the stream this was folded from. */
  readonly lastId: string | null;
  /** Frozen: a decider that changed it would change every later decision's. */
  readonly state: unknown;
  /**
   * The ids in the stream that requests' retries could be looking for (isRequestEventId), up to
   * `revision` or past it, only ever ids of events in the stream: whether a request's events are
   * there already is answered without reading it. The snapshots of one stream share the set.
   */
  readonly ids: Set<string>;
  /** From the events' codec (EventCodec.openedNow), when the state holds what it opened: false once it may be stale. */
  readonly stillGood?: () => boolean;
}

/**
 * Streams a store keeps snapshots of: the most recently decided on. A snapshot is a state, a few
 * kilobytes, and about 100 bytes for each id of a request's event kept.
 */
const SNAPSHOTS_PER_STORE = 5000;

/**
 * Per store object, not per stream name alone: two stores (two databases in one test process) can
 * hold streams of the same name, and a snapshot of one must never decide a write to the other.
 */
const byStore = new WeakMap<object, LRUCache<string, DecisionSnapshot>>();

export function decisionSnapshots(store: object): LRUCache<string, DecisionSnapshot> {
  let snapshots = byStore.get(store);
  if (!snapshots) byStore.set(store, (snapshots = new LRUCache<string, DecisionSnapshot>({ max: SNAPSHOTS_PER_STORE })));
  return snapshots;
}
