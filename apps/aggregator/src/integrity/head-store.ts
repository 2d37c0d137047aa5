import { inTransaction, SqlPool } from '@app/database';
import { Head, HeadVerdict, judgeHead } from './head-judgement';

/** A source's integrity as the aggregator knows it (docs/aggregator.md). */
export type IntegrityState = 'UNVERIFIED' | 'CONSISTENT' | 'INTEGRITY_BROKEN';

interface HeadRow {
  sequence: string;
  position: string;
  events: number;
  hash: string;
  previous_hash: string;
  recorded_at: string;
}

const headOf = (row: HeadRow): Head => ({
  sequence: Number(row.sequence),
  position: row.position,
  events: Number(row.events),
  hash: row.hash,
  previousHash: row.previous_hash,
  recordedAt: row.recorded_at,
});

/**
 * Every head each source showed, judged against the latest consistent one under the source's
 * row lock (two aggregator processes judge one after the other). A BROKEN verdict sets
 * INTEGRITY_BROKEN with both heads as evidence, once: nothing here ever sets a broken source
 * back, whatever heads follow (an operator who has looked into it starts the source afresh,
 * docs/aggregator.md).
 */
export class HeadStore {
  constructor(private readonly pool: SqlPool) {}

  async record(source: string, head: Head, now: Date): Promise<HeadVerdict> {
    return inTransaction(this.pool, async (client) => {
      const { rows: states } = await client.query<{ integrity_state: IntegrityState }>(
        'SELECT integrity_state FROM aggregator.sources WHERE name = $1 FOR UPDATE',
        [source],
      );
      if (states.length === 0) throw new Error(`no source ${source}`);
      const { rows } = await client.query<HeadRow>(
        `SELECT * FROM aggregator.heads WHERE source = $1 AND verdict <> 'BROKEN' ORDER BY sequence DESC, first_seen_at DESC LIMIT 1`,
        [source],
      );
      const latest = rows.length ? headOf(rows[0]) : null;
      const { verdict, reason } = judgeHead(latest, head);
      await client.query(
        `INSERT INTO aggregator.heads (source, sequence, position, events, hash, previous_hash, recorded_at, first_seen_at, last_seen_at, verdict)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)
         ON CONFLICT (source, sequence, hash, previous_hash, position, events) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at`,
        [source, head.sequence, head.position, head.events, head.hash, head.previousHash, head.recordedAt, now, verdict],
      );
      if (verdict === 'BROKEN') {
        await client.query(
          `UPDATE aggregator.sources SET integrity_state = 'INTEGRITY_BROKEN', integrity_evidence = $2, broken_at = $3
            WHERE name = $1 AND integrity_state <> 'INTEGRITY_BROKEN'`,
          [source, JSON.stringify({ reason, seen: latest, shown: head, shownAt: now.toISOString() }), now],
        );
      } else {
        await client.query(
          `UPDATE aggregator.sources SET integrity_state = 'CONSISTENT', unverified_gaps = unverified_gaps + $2
            WHERE name = $1 AND integrity_state <> 'INTEGRITY_BROKEN'`,
          [source, verdict === 'GAP' ? 1 : 0],
        );
      }
      return verdict;
    });
  }
}
