import { inTransaction, SqlPool } from '@app/database';
import { Source } from '../config/sources';
import { FollowedItem } from './feed-page';

/** Another process moved the checkpoint first: this page is not stored, and the next read starts from theirs. */
export class CheckpointMoved extends Error {
  override readonly name = 'CheckpointMoved';
}

/**
 * The items of every source and each source's checkpoint. A page and the checkpoint after it
 * are written in one transaction, so a process killed at any instant leaves either both or
 * neither: the restart asks again after the stored checkpoint, and (source, position) is the
 * key, so nothing is missed and nothing stored twice.
 */
export class ItemStore {
  constructor(private readonly pool: SqlPool) {}

  /** The configured sources exist as rows; a source no longer configured keeps its rows (and is no longer followed). */
  async register(sources: Source[]): Promise<void> {
    for (const source of sources) {
      await this.pool.query(`INSERT INTO aggregator.sources (name, base_url) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET base_url = EXCLUDED.base_url`, [
        source.name,
        source.baseUrl,
      ]);
    }
  }

  async checkpoint(source: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ checkpoint: string | null }>('SELECT checkpoint FROM aggregator.sources WHERE name = $1', [source]);
    return rows[0]?.checkpoint ?? null;
  }

  /**
   * Stores a page read after `after` and moves the checkpoint to its last item, only if the
   * checkpoint is still `after` (else CheckpointMoved). `caughtUp`: the page was the end of
   * what the source had.
   */
  async storePage(source: string, after: string | null, items: FollowedItem[], caughtUp: boolean, now: Date): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const moved = await client.query(
        `UPDATE aggregator.sources
            SET checkpoint = $3, items = items + $4, caught_up_at = CASE WHEN $5 THEN $6::timestamptz ELSE caught_up_at END,
                last_error = NULL, last_error_at = NULL
          WHERE name = $1 AND checkpoint IS NOT DISTINCT FROM $2`,
        [source, after, items.at(-1)?.position ?? after, items.length, caughtUp, now],
      );
      if (moved.rowCount !== 1) throw new CheckpointMoved(`the checkpoint of ${source} is no longer ${after}`);
      if (items.length === 0) return;
      await client.query(
        `INSERT INTO aggregator.items (source, position, occurred_at, type, opd_code, year, title, summary, link, details)
         SELECT $1, * FROM unnest($2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::jsonb[])`,
        [
          source,
          items.map((item) => item.position),
          items.map((item) => item.occurredAt),
          items.map((item) => item.type),
          items.map((item) => item.opdCode),
          items.map((item) => item.year),
          items.map((item) => item.title),
          items.map((item) => item.summary),
          items.map((item) => item.link),
          items.map((item) => JSON.stringify(item.details)),
        ],
      );
    });
  }

  /** What went wrong with a source, shown on its page until the next page it answers well. */
  async recordFault(source: string, message: string, now: Date): Promise<void> {
    await this.pool.query('UPDATE aggregator.sources SET last_error = $2, last_error_at = $3 WHERE name = $1', [source, message.slice(0, 500), now]);
  }
}
