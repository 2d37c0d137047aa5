import { LkeSheet } from '@app/domain/zi';
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';

/** A unit's sheet as worked out, with the record's revision (the answer's ETag). */
export interface KeptSheet {
  sheet: LkeSheet;
  revision: number;
}

/**
 * LKE sheets as worked out, under a key naming all they were made of: the record, today (what is
 * due or late is judged on it) and every read model's serving checkpoint, which any new event a
 * read model applies moves. A kept sheet is as current as the read models it came from; it saves
 * the ledger sources' reads and the scoring for every reader of the same state (an inspectorate
 * team reading one unit's sheet while they evaluate it).
 */
@Injectable()
export class LkeSheetCache {
  private readonly sheets = new LRUCache<string, Promise<KeptSheet | null>>({ max: 500 });

  /** The sheet under `key`, worked out once however many ask for it at the same time. */
  get(key: string, work: () => Promise<KeptSheet | null>): Promise<KeptSheet | null> {
    const kept = this.sheets.get(key);
    if (kept) return kept;
    const working = work();
    this.sheets.set(key, working);
    // A failed one is not kept: the next request tries again.
    working.catch(() => this.sheets.delete(key));
    return working;
  }
}
