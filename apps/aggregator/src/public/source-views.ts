import { SqlPool } from '@app/database';
import { Head } from '../integrity/head-judgement';
import { IntegrityState } from '../integrity/head-store';

/** A source as `GET /public/v1/sources` answers it (docs/aggregator.md, The aggregator's API). */
export interface SourceView {
  name: string;
  baseUrl: string;
  items: number;
  checkpoint: string | null;
  freshness: {
    /** The last time a page came back shorter than asked: the source had nothing more then. */
    caughtUpAt: string | null;
    /** Seconds since caughtUpAt, at the answer: how far behind the source the aggregator may be. Null before the first. */
    lagSeconds: number | null;
    lastError: string | null;
    lastErrorAt: string | null;
  };
  integrity: {
    state: IntegrityState;
    head: (Head & { firstSeenAt: string; lastSeenAt: string }) | null;
    headsSeen: number;
    /** Heads whose chain to the previous one could not be checked (checkpoints were skipped between two polls). */
    unverifiedGaps: number;
    brokenAt: string | null;
    /** For INTEGRITY_BROKEN: both heads, when the second was shown, and why they cannot both be true. */
    evidence: unknown;
  };
}

interface SourceRow {
  name: string;
  base_url: string;
  items: string;
  checkpoint: string | null;
  caught_up_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
  integrity_state: IntegrityState;
  integrity_evidence: unknown;
  broken_at: Date | null;
  unverified_gaps: number;
  heads_seen: string;
  head: {
    sequence: number;
    position: string;
    events: number;
    hash: string;
    previous_hash: string;
    recorded_at: string;
    first_seen_at: string;
    last_seen_at: string;
  } | null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Every source (or the one named), as answered: read in one query, so its parts agree. */
export async function sourceViews(pool: SqlPool, now: Date, name?: string): Promise<SourceView[]> {
  const { rows } = await pool.query<SourceRow>(
    `SELECT s.*,
            (SELECT count(*) FROM aggregator.heads h WHERE h.source = s.name) AS heads_seen,
            (SELECT to_jsonb(h) FROM aggregator.heads h WHERE h.source = s.name ORDER BY h.last_seen_at DESC, h.sequence DESC LIMIT 1) AS head
       FROM aggregator.sources s
      WHERE $1::text IS NULL OR s.name = $1
      ORDER BY s.name`,
    [name ?? null],
  );
  return rows.map((row) => ({
    name: row.name,
    baseUrl: row.base_url,
    items: Number(row.items),
    checkpoint: row.checkpoint,
    freshness: {
      caughtUpAt: iso(row.caught_up_at),
      lagSeconds: row.caught_up_at ? Math.max(0, Math.round((now.getTime() - row.caught_up_at.getTime()) / 1000)) : null,
      lastError: row.last_error,
      lastErrorAt: iso(row.last_error_at),
    },
    integrity: {
      state: row.integrity_state,
      head: row.head
        ? {
            sequence: Number(row.head.sequence),
            position: row.head.position,
            events: Number(row.head.events),
            hash: row.head.hash,
            previousHash: row.head.previous_hash,
            recordedAt: row.head.recorded_at,
            firstSeenAt: new Date(row.head.first_seen_at).toISOString(),
            lastSeenAt: new Date(row.head.last_seen_at).toISOString(),
          }
        : null,
      headsSeen: Number(row.heads_seen),
      unverifiedGaps: row.unverified_gaps,
      brokenAt: iso(row.broken_at),
      evidence: row.integrity_evidence ?? null,
    },
  }));
}
