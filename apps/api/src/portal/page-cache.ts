import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { entityTag } from '../http/public-cache';

/** A rendered page and the strong validator of its bytes, worked out once with it. */
export interface RenderedPage {
  body: string;
  tag: string;
}

/**
 * Rendered pages, kept under a key that names everything they were made of: the page and its
 * language, today (overdue and lateness are judged on it), every read model's serving checkpoint
 * and the integrity head. Any new event a read model applies moves a checkpoint, so a kept page is
 * never stale; it only saves working the regency out again for every reader of the same state.
 */
@Injectable()
export class PageCache {
  private readonly pages = new LRUCache<string, Promise<RenderedPage | null>>({ max: 200 });

  /** The page under `key`, rendered once however many ask for it at the same time. */
  get(key: string, render: () => Promise<string | null>): Promise<RenderedPage | null> {
    const kept = this.pages.get(key);
    if (kept) return kept;
    const rendering = render().then((body) => (body === null ? null : { body, tag: entityTag(body) }));
    this.pages.set(key, rendering);
    // A failed render is not kept: the next request tries again.
    rendering.catch(() => this.pages.delete(key));
    return rendering;
  }
}
