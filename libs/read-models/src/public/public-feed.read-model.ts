import { PublicItemType } from '@app/domain/public';
import { defineReadModel } from '@app/projections';

/** One public item per event that makes one, keyed by that event's log position: the feed's order. */
export interface PublicItemRow {
  position: string;
  eventId: string;
  occurredAt: string;
  type: PublicItemType;
  opdCode: string;
  year: number;
  title: string;
  summary: string;
  link: string;
  details: Record<string, unknown>;
}

export const publicItemReadModel = defineReadModel<PublicItemRow>({
  name: 'public_item',
  columns: {
    position: { type: 'text', primary: true },
    eventId: { type: 'text', name: 'event_id' },
    occurredAt: { type: 'text', name: 'occurred_at' },
    type: { type: 'text' },
    opdCode: { type: 'text', name: 'opd_code' },
    year: { type: 'int' },
    title: { type: 'text' },
    summary: { type: 'text' },
    link: { type: 'text' },
    details: { type: 'jsonb' },
  },
});

/**
 * What a later item needs of an earlier event, already cut down to public fields: a published
 * report's figures (from its last compile), a finding's unit, year and title (for its assessments).
 * Keyed `lkjip|CODE|YEAR` or `finding|ID`; never served.
 */
export interface PublicContextRow {
  key: string;
  value: Record<string, unknown>;
}

export const publicContextReadModel = defineReadModel<PublicContextRow>({
  name: 'public_context',
  columns: {
    key: { type: 'text', primary: true },
    value: { type: 'jsonb' },
  },
});
