import { Database } from '@app/database';
import { abortableSleep, comparePositions, EventStore, FilteredPage, Position, ProjectionEvent } from '@app/event-store';
import { DataSource } from 'typeorm';
import { HeldRows } from './held-rows';
import { LogTail } from './log-tail';
import { Projection, ProjectionTarget } from './projection';
import { CheckpointMovedError, ProjectionState, ProjectionStateStore } from './projection-state';
import { otherSlot, Slot } from './read-model';
import { pagesByStream } from './stream-pages';

/** How many log events a page may span while it holds no handled event (never fewer than a batch). */
const SPARSE_PAGE_MAX = 16_000;

export interface ProjectionRunnerOptions {
  /** Events per batch for every projection, over what each asks for (tests force small batches). */
  batchSize?: number;
  /** How often a standby runner tries to take the lease, and a leaseholder looks for rebuild requests. */
  pollIntervalMs?: number;
  /**
   * At the live end of the log, the least time between the starts of two batches while writes
   * keep coming (0: a batch as soon as anything is new). Each batch costs a transaction and a
   * write of every row it touched, whatever number of events it applies, so under a stream of
   * writes fewer, larger batches cost each event less; a runner that has been idle applies the
   * next event at once, and `hurry` (a read waiting for a position) cuts the wait short.
   */
  liveBatchIntervalMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Runs one projection. Across processes, only the holder of the projection's lease applies
 * events; the others wait and take over when it dies. Each batch is applied in one transaction
 * together with the checkpoint, so a crash anywhere loses nothing and applies nothing twice.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private stopController = new AbortController();
  private running?: Promise<void>;
  private readonly listeners = new Set<() => void>();
  /**
   * The checkpoints this runner last read or moved, per slot, while it holds the lease: only the
   * leaseholder moves them, so reading them before every batch (each write woke every runner,
   * and each read its checkpoint three times) was a round trip per projection per write. Cleared
   * whenever the projection's state changes (a rebuild requested, a slot switched) and when an
   * advance finds the checkpoint moved.
   */
  private readonly checkpoints = new Map<Slot, Position | null>();
  /** The rows this runner committed, per slot, while it holds the lease; cleared with the checkpoints. */
  private readonly held = new Map<Slot, HeldRows>();
  private readonly handles: ReadonlySet<string>;
  /** The page after `after`, read ahead while the one before it was applied (see readPage). */
  private prefetched?: { after: Position | null; page: Promise<FilteredPage> };
  /** Log events the next page read from the store spans (see readPage). */
  private storedPageSize: number;
  private readonly liveBatchIntervalMs: number;
  /** When the last batch of the serving slot started while nothing was rebuilt (see liveBatchIntervalMs). */
  private lastBatchAt = -Infinity;
  /** Ends the wait between two live batches; set while one is waited for. */
  private hurryLiveBatch?: () => void;
  private hurried = false;

  constructor(
    readonly projection: Projection,
    private readonly database: Database,
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly state: ProjectionStateStore,
    private readonly options: ProjectionRunnerOptions = {},
    /** The process's shared view of the live end of the log, when there is one. */
    private readonly tail?: LogTail,
  ) {
    this.handles = new Set(projection.handles);
    this.batchSize = options.batchSize ?? projection.batchSize ?? 500;
    this.storedPageSize = this.batchSize;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.liveBatchIntervalMs = options.liveBatchIntervalMs ?? 0;
  }

  start(): void {
    this.stopController = new AbortController();
    this.running = this.run(this.stopController.signal);
  }

  async stop(): Promise<void> {
    this.stopController.abort();
    await this.running;
  }

  /** Someone waits for what this runner has not applied yet: the next live batch starts now. */
  hurry(): void {
    this.hurried = true;
    this.hurryLiveBatch?.();
  }

  /** Called after every batch that reached the serving slot. */
  onProgress(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const lease = await this.database.tryAcquireLease(`projection:${this.projection.name}`).catch((error) => {
        this.options.onError?.(error);
        return null;
      });
      if (!lease) {
        await abortableSleep(this.pollIntervalMs, signal);
        continue;
      }
      const leased = new AbortController();
      const abort = () => leased.abort();
      signal.addEventListener('abort', abort, { once: true });
      void lease.lost.then(abort);
      this.forget();
      try {
        await this.runWhileLeased(leased.signal);
      } catch (error) {
        if (error instanceof CheckpointMovedError) this.forget();
        this.options.onError?.(error);
        await abortableSleep(this.pollIntervalMs, signal);
      } finally {
        signal.removeEventListener('abort', abort);
        await lease.release().catch(() => undefined);
      }
    }
  }

  private async runWhileLeased(signal: AbortSignal): Promise<void> {
    let state = (await this.state.load(this.projection.name)) ?? (await this.state.initialise(this.projection));
    let loadedAt = performance.now();
    while (!signal.aborted) {
      if (state.buildingSlot === null && state.activeVersion !== this.projection.version) {
        // New code, new tables: rebuild beside the old slot, which keeps serving meanwhile.
        await this.state.prepareSlot(this.projection, otherSlot(state.activeSlot));
        await this.state.requestRebuild(this.projection, otherSlot(state.activeSlot));
        state = (await this.state.load(this.projection.name))!;
        this.forget();
      }
      const servingIsCurrent = state.activeVersion === this.projection.version;
      let progressed = false;
      // Batches wait for more writes only while nothing is rebuilt: a rebuild ends as soon as it can.
      const batching = state.buildingSlot === null;
      if (servingIsCurrent) progressed = await this.applyNextBatch(state.activeSlot, true, batching, signal);
      if (state.buildingSlot && !signal.aborted) {
        // Two batches for each of the serving slot's: at one each, writes that come faster than
        // a batch is applied keep both slots moving a batch a turn, and the gap never closes.
        const moved = await this.applyNextBatch(state.buildingSlot, !servingIsCurrent, false, signal);
        if (moved && servingIsCurrent && !signal.aborted) await this.applyNextBatch(state.buildingSlot, false, false, signal);
        // Built once a read of it comes back empty, or once it holds all the serving slot holds:
        // writes that come faster than a batch is applied would never leave it an empty read.
        const built = await this.checkpoint(state.buildingSlot);
        const caughtUp = servingIsCurrent && built !== null && comparePositions(built, await this.checkpoint(state.activeSlot)) >= 0;
        if ((!moved || caughtUp) && !signal.aborted) {
          await this.state.switchTo(this.projection.name, state.buildingSlot, state.buildingVersion!);
          loadedAt = -Infinity;
          this.notify();
        }
        progressed ||= moved;
      }
      if (!progressed) await this.waitForEvents(state, signal);
      // A rebuild requested from elsewhere is noticed within a poll interval, as a standby runner
      // notices a lease, whether batches kept coming or not: checked only when idle, a runner
      // kept busy by full batches never saw one. Reading the state on every wake cost each write
      // a round trip per projection.
      if (performance.now() - loadedAt >= this.pollIntervalMs) {
        const loaded = (await this.state.load(this.projection.name))!;
        if (!sameState(loaded, state)) this.forget();
        state = loaded;
        loadedAt = performance.now();
      }
    }
  }

  /** Reads the next batch after the slot's checkpoint and applies it; answers whether the checkpoint moved. */
  private async applyNextBatch(slot: Slot, serving: boolean, batching: boolean, signal: AbortSignal): Promise<boolean> {
    const from = await this.checkpoint(slot);
    if (from === null && this.projection.rebuildByStream && this.projection.applyBatch && this.store.readByStream) {
      const built = await this.buildByStream(slot, signal);
      if (signal.aborted) return false;
      if (built) {
        if (serving) this.notify();
        return true;
      }
    }
    if (batching && this.tail?.covers(from)) {
      const waiting = this.tail.countAfter(from);
      // Nothing to apply: the caller waits for events, and looks at its state meanwhile.
      if (waiting === 0) return false;
      // A full batch already waiting is applied at once: the interval bounds how often batches
      // start, not how many events a second a projection may apply.
      if (waiting < this.batchSize && !(await this.liveBatchDue(signal))) return false;
      if (signal.aborted) return false;
    }
    const page = await this.readPage(from);
    if (page.last === null) return false;
    if (batching) {
      this.lastBatchAt = performance.now();
      this.hurried = false;
    }
    await this.applyBatch(slot, from, page.events, page.last);
    if (serving) this.notify();
    return true;
  }

  /**
   * Waits out what is left of liveBatchIntervalMs since the last batch, unless hurried, but a
   * poll interval at most, and answers whether the batch is due: a runner waiting for more
   * writes still looks at its state every poll interval. Slept through at once, a long interval
   * hid a rebuild asked for meanwhile until it ended.
   */
  private async liveBatchDue(signal: AbortSignal): Promise<boolean> {
    const due = this.lastBatchAt + this.liveBatchIntervalMs;
    if (due <= performance.now() || this.hurried || signal.aborted) return true;
    const waiting = new AbortController();
    const stopWaiting = () => waiting.abort();
    signal.addEventListener('abort', stopWaiting, { once: true });
    this.hurryLiveBatch = stopWaiting;
    const remaining = due - performance.now();
    const sleep = Math.min(remaining, Math.max(1, this.pollIntervalMs));
    try {
      await abortableSleep(sleep, waiting.signal);
    } finally {
      this.hurryLiveBatch = undefined;
      signal.removeEventListener('abort', stopWaiting);
    }
    // A timer may fire a little before performance.now() says it is due: the sleep decides.
    return this.hurried || signal.aborted || sleep >= remaining;
  }

  /**
   * The handled events among the next `batchSize` of the log, and the position to move the
   * checkpoint to. Stores that can filter by type read only those events: the other types of
   * the log then cost this projection next to nothing.
   */
  private async readPage(after: Position | null): Promise<FilteredPage> {
    const fromTail = this.tail?.pageAfter(after, this.batchSize, this.handles);
    const prefetched = !fromTail && this.prefetched?.after === after ? this.prefetched.page : undefined;
    this.prefetched = undefined;
    if (fromTail) return fromTail;
    let page = await (prefetched ?? this.readStoredPage(after, this.storedPageSize));
    // A projection that handles few of the log's events (the public feed, the surveys) scanned a
    // regency's log 500 events a query, each moving its checkpoint in a transaction of its own:
    // pages grow while they hold nothing it handles, and shrink back at the first that does.
    this.storedPageSize =
      page.events.length === 0 && page.last !== null ? Math.min(this.storedPageSize * 4, Math.max(this.batchSize, SPARSE_PAGE_MAX)) : this.batchSize;
    // A page grown over a sparse stretch may end in a dense one: no transaction applies more
    // than a batch, the rest is read again after it.
    if (page.events.length > this.batchSize) page = { events: page.events.slice(0, this.batchSize), last: page.events[this.batchSize - 1].position };
    // Behind the live end (the tail did not cover it), the next page is read while this one is
    // applied: a rebuild's reads and folds overlap instead of waiting for each other. A page is
    // what the log held below its horizon when read, so one read early is still a true page.
    if (page.last !== null) {
      const next = this.readStoredPage(page.last, this.storedPageSize);
      next.catch(() => undefined);
      this.prefetched = { after: page.last, page: next };
    }
    return page;
  }

  private async readStoredPage(after: Position | null, limit: number): Promise<FilteredPage> {
    if (this.store.readAllOf) return this.store.readAllOf({ after, limit, types: this.projection.handles });
    const batch = await this.store.readAll({ after, limit });
    return { events: batch.filter((event) => this.handles.has(event.type)), last: batch.at(-1)?.position ?? null };
  }

  /**
   * A build from position 0, stream by stream up to the head (see `Projection.rebuildByStream`).
   * The checkpoint stays null until the end, then moves to the head; each batch first locks it
   * and checks it is still null, so two runners (a lease lost meanwhile) take turns, each
   * reading rows after the other's commit, and one that finds it moved stops. A stop (shutdown,
   * lease lost) ends it between batches with the checkpoint still null: the next holder builds
   * again from the start, which such projections allow (see `Projection.rebuildByStream`).
   */
  private async buildByStream(slot: Slot, signal: AbortSignal): Promise<boolean> {
    const upTo = await this.store.headPosition();
    if (upTo === null) return false;
    // Each row is written once here: holding them would only churn the held rows.
    this.heldRows(slot).clear();
    // Each page is a transaction (the checkpoint locked, the rows upserted, a commit): the SKP
    // register of a regency built in 32 s with 4,000 events a page, 34 with 2,000, 31.5 with 8,000.
    for await (const events of pagesByStream(this.store, this.projection, upTo, this.batchSize * 8)) {
      if (signal.aborted) return false;
      await this.dataSource.transaction(async (manager) => {
        if ((await this.state.lockCheckpoint(manager, this.projection.name, slot)) !== null) throw new CheckpointMovedError(this.projection.name, slot);
        await this.projection.applyBatch!(events, { manager, repository: (model) => manager.getRepository(model.schemas[slot]) });
      });
    }
    await this.state.advanceAlone(this.projection.name, slot, null, upTo);
    this.checkpoints.set(slot, upTo);
    return true;
  }

  private async checkpoint(slot: Slot): Promise<Position | null> {
    if (!this.checkpoints.has(slot)) this.checkpoints.set(slot, await this.state.checkpoint(this.projection.name, slot));
    return this.checkpoints.get(slot)!;
  }

  private async applyBatch(slot: Slot, from: Position | null, events: ProjectionEvent[], to: Position): Promise<void> {
    if (events.length === 0) {
      await this.state.advanceAlone(this.projection.name, slot, from, to);
      this.checkpoints.set(slot, to);
      return;
    }
    const held = this.heldRows(slot);
    // A batch that fails ends the lease's run (runWhileLeased throws), and the next run forgets
    // what this one held, what the batch staged with it.
    await this.dataSource.transaction(async (manager) => {
      const target: ProjectionTarget = {
        manager,
        repository: (model) => manager.getRepository(model.schemas[slot]),
      };
      // Held rows are what the batch started from: an event applied on its own must read what
      // the one before it wrote, so only a batch applied at once is given them.
      if (this.projection.applyBatch) await this.projection.applyBatch(events, { ...target, held });
      else for (const event of events) await this.projection.apply(event, target);
      await this.state.advance(manager, this.projection.name, slot, from, to);
    });
    held.commit();
    this.checkpoints.set(slot, to);
  }

  private heldRows(slot: Slot): HeldRows {
    let held = this.held.get(slot);
    if (!held) this.held.set(slot, (held = new HeldRows()));
    return held;
  }

  /** Another process may have moved the checkpoints or written the slots since: read them again. */
  private forget(): void {
    this.checkpoints.clear();
    this.held.forEach((held) => held.clear());
    this.prefetched = undefined;
  }

  private async waitForEvents(state: ProjectionState, signal: AbortSignal): Promise<void> {
    const from = await this.checkpoint(state.activeSlot);
    if (this.tail?.covers(from)) return this.tail.waitAfter(from, this.pollIntervalMs, signal);
    const waiting = new AbortController();
    const stopWaiting = () => waiting.abort();
    signal.addEventListener('abort', stopWaiting, { once: true });
    const timer = setTimeout(stopWaiting, this.pollIntervalMs);
    try {
      // The store's subscription wakes on NOTIFY; we only use it as a doorbell.
      for await (const _batch of this.store.subscribeToAll({ after: from, limit: 1, signal: waiting.signal })) break;
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', stopWaiting);
    }
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}

function sameState(a: ProjectionState, b: ProjectionState): boolean {
  return a.activeSlot === b.activeSlot && a.activeVersion === b.activeVersion && a.buildingSlot === b.buildingSlot && a.buildingVersion === b.buildingVersion;
}
