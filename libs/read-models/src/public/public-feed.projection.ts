import { AuditFindingRecorded, RecommendationAssessed } from '@app/domain/audit-finding';
import { ComplaintFiled, ComplaintResponded, ComplaintVerified } from '@app/domain/complaint';
import { LkjipCompiled, LkjipPublished, LkjipRecompiled } from '@app/domain/lkjip';
import { PlanApproved, RealisationCorrected, RealisationReported, RevisionApproved } from '@app/domain/plan';
import {
  complaintRespondedItem,
  complaintVerifiedItem,
  findingRecordedItem,
  lkjipPublishedItem,
  planApprovedItem,
  PublicFindingContext,
  PublicComplaintContext,
  PublicItem,
  publicLkjipFigures,
  realisationItem,
  recommendationAssessedItem,
  ziItem,
} from '@app/domain/public';
import { ZiAwarded, ZiDeclared, ZiProposed, ZiRevoked } from '@app/domain/zi';
import { ProjectionEvent } from '@app/event-store';
import { Projection, ProjectionTarget } from '@app/projections';
import { RowBuffer } from '../row-buffer';
import { PublicContextRow, publicContextReadModel, publicItemReadModel } from './public-feed.read-model';

type PublicSourceEvent =
  | PlanApproved
  | RevisionApproved
  | RealisationReported
  | RealisationCorrected
  | LkjipCompiled
  | LkjipRecompiled
  | LkjipPublished
  | AuditFindingRecorded
  | RecommendationAssessed
  | ZiDeclared
  | ZiProposed
  | ZiAwarded
  | ZiRevoked
  | ComplaintFiled
  | ComplaintVerified
  | ComplaintResponded;

const HANDLED: ReadonlyArray<PublicSourceEvent['type']> = [
  'PlanApproved',
  'RevisionApproved',
  'RealisationReported',
  'RealisationCorrected',
  'LkjipCompiled',
  'LkjipRecompiled',
  'LkjipPublished',
  'AuditFindingRecorded',
  'RecommendationAssessed',
  'ZiDeclared',
  'ZiProposed',
  'ZiAwarded',
  'ZiRevoked',
  'ComplaintFiled',
  'ComplaintVerified',
  'ComplaintResponded',
];

const lkjipKey = (opdCode: string, year: number) => `lkjip|${opdCode}|${year}`;
const findingKey = (id: string) => `finding|${id}`;
const complaintKey = (trackingCode: string) => `complaint|${trackingCode}`;

/** The public item `event` makes, if any; compiles and recordings also keep what a later item needs. */
async function itemOf(event: PublicSourceEvent, context: RowBuffer<PublicContextRow>): Promise<PublicItem | null> {
  switch (event.type) {
    case 'PlanApproved':
    case 'RevisionApproved':
      return planApprovedItem(event);
    case 'RealisationReported':
    case 'RealisationCorrected':
      return realisationItem(event);
    case 'LkjipCompiled':
    case 'LkjipRecompiled':
      // Not public yet: a draft's figures. Kept, cut to public fields, for the day it is published.
      context.put({ key: lkjipKey(event.data.opdCode, event.data.year), value: publicLkjipFigures(event.data.figures) });
      return null;
    case 'LkjipPublished': {
      const figures = await context.get({ key: lkjipKey(event.data.opdCode, event.data.year) });
      return figures && lkjipPublishedItem(event.data.opdCode, event.data.year, figures.value as ReturnType<typeof publicLkjipFigures>);
    }
    case 'AuditFindingRecorded': {
      const item = findingRecordedItem(event);
      const finding: PublicFindingContext = { opdCode: item.opdCode, year: item.year, title: event.data.title };
      context.put({ key: findingKey(event.data.findingId), value: { ...finding } });
      return item;
    }
    case 'RecommendationAssessed': {
      const finding = await context.get({ key: findingKey(event.data.findingId) });
      return finding && recommendationAssessedItem(event, finding.value as unknown as PublicFindingContext);
    }
    case 'ZiDeclared':
    case 'ZiProposed':
    case 'ZiAwarded':
    case 'ZiRevoked':
      return ziItem(event);
    case 'ComplaintFiled': {
      // Only what a public item may show, and only when the reporter allowed it; the words stay sealed.
      const { trackingCode, publicText, on, kind, subject, text } = event.data;
      if (publicText)
        context.put({ key: complaintKey(trackingCode), value: { publicText, year: Number(on.slice(0, 4)), kind, subject, text, verified: false } });
      return null;
    }
    case 'ComplaintVerified': {
      const filing = await context.get({ key: complaintKey(event.data.trackingCode) });
      // The desk may keep what the reporter made public off the feed: then neither it nor its responses show.
      if (!filing || event.data.withheldFromPublic) return null;
      const verified = { ...(filing.value as unknown as PublicComplaintContext), verified: true };
      context.put({ key: filing.key, value: { ...verified } });
      return complaintVerifiedItem(event, verified);
    }
    case 'ComplaintResponded': {
      const filing = await context.get({ key: complaintKey(event.data.trackingCode) });
      const shown = filing?.value as unknown as PublicComplaintContext | undefined;
      return shown?.verified ? complaintRespondedItem(event, shown) : null;
    }
  }
}

/**
 * The public feed: the items docs/domain.md's public-feed table allows, made by an allow-list (public-item-builders.ts)
 * from the events that make them. Drafts, returns, reviews, SKPs and follow-ups make none.
 */
export const publicFeedProjection: Projection = {
  name: 'public-feed',
  // 2: titles and summaries name statuses, categories and reasons in words; a rebuild rewrites the old sentences.
  // 4: complaints the reporter let be public, once verified, and the units' responses to them.
  version: 4,
  readModels: [publicItemReadModel, publicContextReadModel],
  handles: HANDLED,
  apply: (event, target) => applyPublicEvents([event], target),
  applyBatch: applyPublicEvents,
};

/**
 * A batch at once: the context rows its events need read in one query, every item and context
 * row written with one upsert each. One TypeORM save per event (a select, then an insert) made
 * this projection the rebuild's last to finish.
 */
async function applyPublicEvents(events: ProjectionEvent[], target: ProjectionTarget): Promise<void> {
  const contexts = new RowBuffer(target, publicContextReadModel);
  const items = new RowBuffer(target, publicItemReadModel);
  const sources = events.map((event) => ({ type: event.type, data: event.data }) as PublicSourceEvent);
  await contexts.load(sources.flatMap(contextKeyRead));
  for (const [index, source] of sources.entries()) {
    const item = await itemOf(source, contexts);
    const event = events[index];
    if (item) items.put({ ...item, position: event.position, eventId: event.id, occurredAt: event.recordedAt });
  }
  await contexts.flush();
  await items.flush();
}

/** The context row an event's item is made with, if it needs one. */
function contextKeyRead(event: PublicSourceEvent): Array<{ key: string }> {
  if (event.type === 'LkjipPublished') return [{ key: lkjipKey(event.data.opdCode, event.data.year) }];
  if (event.type === 'RecommendationAssessed') return [{ key: findingKey(event.data.findingId) }];
  if (event.type === 'ComplaintVerified' || event.type === 'ComplaintResponded') return [{ key: complaintKey(event.data.trackingCode) }];
  return [];
}
