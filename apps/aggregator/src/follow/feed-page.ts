import { SourceFault } from './bounded-fetch';

/** A feed item as the aggregator keeps it: the ledger's public item, nothing more. */
export interface FollowedItem {
  position: string;
  occurredAt: string;
  type: string;
  opdCode: string;
  year: number;
  title: string;
  summary: string;
  link: string;
  details: Record<string, unknown>;
}

/** The ledger's position format (apps/api/src/public-feed/feed.dto.ts): fixed width, so text order is log order. */
const POSITION = /^\d{20}-\d{20}$/;
/** Item types are the ledger's (libs/domain/src/public); a newer ledger may add some, which are kept as they come. */
const TYPE = /^[A-Z][A-Z_]{0,59}$/;
const OPD_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const MAX_TEXT = 4000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT;

/**
 * A page of `/public/v1/feed?after=` checked whole before any of it is stored: every item of
 * the public shape, positions rising and all after `after`. One bad item refuses the page (a
 * SourceFault naming it): storing the good part would move the checkpoint past what follows.
 */
export function parseFeedPage(body: unknown, after: string | null): FollowedItem[] {
  if (!isRecord(body) || !Array.isArray(body.items)) throw new SourceFault('answered a feed page without items');
  let previous = after;
  return body.items.map((raw: unknown, index) => {
    const item = parseItem(raw);
    if (!item) throw new SourceFault(`answered a feed item (${index}) that is not of the public shape`);
    if (previous !== null && item.position <= previous) throw new SourceFault(`answered position ${item.position} after ${previous}: not in log order`);
    previous = item.position;
    return item;
  });
}

function parseItem(raw: unknown): FollowedItem | null {
  if (!isRecord(raw)) return null;
  const { position, occurredAt, type, opdCode, year, title, summary, link, details } = raw;
  if (typeof position !== 'string' || !POSITION.test(position)) return null;
  if (typeof occurredAt !== 'string' || occurredAt.length > 40 || Number.isNaN(Date.parse(occurredAt))) return null;
  if (typeof type !== 'string' || !TYPE.test(type)) return null;
  if (typeof opdCode !== 'string' || !OPD_CODE.test(opdCode)) return null;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (!text(title) || !text(summary) || !text(link) || !isRecord(details)) return null;
  return { position, occurredAt: new Date(occurredAt).toISOString(), type, opdCode, year, title, summary, link, details };
}
