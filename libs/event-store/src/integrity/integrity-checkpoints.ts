import { createHash } from 'node:crypto';
import { Database } from '@app/database';
import { EventStore } from '../event-store';
import { GENESIS_HASH } from '../hash-chain';
import { Position } from '../position';
import { abortableSleep } from '../abortable-sleep';

export interface IntegrityCheckpoint {
  sequence: number;
  /** Position of the last event the checkpoint covers. */
  position: Position;
  /** Events covered since the previous checkpoint. */
  events: number;
  hash: string;
  previousHash: string;
  recordedAt: string;
}

/** SHA-256(previous checkpoint hash ‖ hashes of the events since, in position order). */
export function checkpointHash(previousHash: string, eventHashes: string[]): string {
  return createHash('sha256')
    .update(previousHash + eventHashes.join(''), 'utf8')
    .digest('hex');
}

export interface CheckpointPolicy {
  /** A checkpoint as soon as this many events are uncovered… */
  maxEvents: number;
  /** …or when this much time has passed since the last one and some events are uncovered. */
  maxAgeMs: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { maxEvents: 1000, maxAgeMs: 60_000 };

interface CheckpointRow {
  sequence: string;
  position: string;
  events: number;
  hash: string;
  previous_hash: string;
  recorded_at: Date;
}

/**
 * A chain of checkpoints over the whole log, published at /public/v1/integrity/head. Anyone who
 * keeps a head can later recompute the chain up to it from the log: a rewritten, removed or
 * reordered event anywhere before it changes the hashes. Unlike read models this table is
 * never rebuilt; it is a ledger of what was published.
 */
export class IntegrityCheckpoints {
  constructor(
    private readonly database: Database,
    private readonly store: EventStore,
    private readonly policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async head(): Promise<IntegrityCheckpoint | null> {
    const { rows } = await this.database.pool.query<CheckpointRow>('SELECT * FROM kl_integrity_checkpoints ORDER BY sequence DESC LIMIT 1');
    return rows.length ? toCheckpoint(rows[0]) : null;
  }

  async all(): Promise<IntegrityCheckpoint[]> {
    const { rows } = await this.database.pool.query<CheckpointRow>('SELECT * FROM kl_integrity_checkpoints ORDER BY sequence');
    return rows.map(toCheckpoint);
  }

  /** Records one checkpoint if the policy asks for one now; answers it, or null. */
  async checkpointIfDue(): Promise<IntegrityCheckpoint | null> {
    const last = await this.head();
    const page = { after: last?.position ?? null, limit: this.policy.maxEvents };
    // Polled every second under a stream of writes: the events' data is most of what readAll reads.
    const events = this.store.readAllHashes ? await this.store.readAllHashes(page) : await this.store.readAll(page);
    if (events.length === 0) return null;
    const age = this.clock().getTime() - (last ? new Date(last.recordedAt).getTime() : 0);
    if (events.length < this.policy.maxEvents && age < this.policy.maxAgeMs) return null;
    const previousHash = last?.hash ?? GENESIS_HASH;
    const checkpoint: IntegrityCheckpoint = {
      sequence: (last?.sequence ?? 0) + 1,
      position: events[events.length - 1].position,
      events: events.length,
      hash: checkpointHash(
        previousHash,
        events.map((event) => event.hash),
      ),
      previousHash,
      recordedAt: this.clock().toISOString(),
    };
    // The sequence is the primary key: a second writer racing for the same one fails here.
    await this.database.pool.query(
      `INSERT INTO kl_integrity_checkpoints (sequence, position, events, hash, previous_hash, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [checkpoint.sequence, checkpoint.position, checkpoint.events, checkpoint.hash, checkpoint.previousHash, checkpoint.recordedAt],
    );
    return checkpoint;
  }

  /** Runs under a lease, so one process across the deployment writes checkpoints. */
  async run(signal: AbortSignal, pollMs = 1000, onError: (error: unknown) => void = () => undefined): Promise<void> {
    const sleep = () => abortableSleep(pollMs, signal);
    while (!signal.aborted) {
      const lease = await this.database.tryAcquireLease('integrity-checkpoints').catch(() => null);
      if (!lease) {
        await sleep();
        continue;
      }
      try {
        while (!signal.aborted) {
          const lost = await Promise.race([lease.lost.then(() => true), Promise.resolve(false)]);
          if (lost) break;
          try {
            if (!(await this.checkpointIfDue())) await sleep();
          } catch (error) {
            onError(error);
            await sleep();
          }
        }
      } finally {
        await lease.release().catch(() => undefined);
      }
    }
  }
}

function toCheckpoint(row: CheckpointRow): IntegrityCheckpoint {
  return {
    sequence: Number(row.sequence),
    position: row.position,
    events: Number(row.events),
    hash: row.hash,
    previousHash: row.previous_hash,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}
