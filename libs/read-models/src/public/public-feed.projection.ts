import { AuditFindingRecorded, RecommendationAssessed } from '@app/domain/audit-finding';
import { LkjipCompiled, LkjipPublished, LkjipRecompiled } from '@app/domain/lkjip';
import { PlanApproved, RealisationCorrected, RealisationReported, RevisionApproved } from '@app/domain/plan';
import {
  findingRecordedItem,
  lkjipPublishedItem,
  planApprovedItem,
  PublicFindingContext,
  PublicItem,
  publicLkjipFigures,
  realisationItem,
  recommendationAssessedItem,
} from '@app/domain/public';
import { ProjectionEvent } from '@app/event-store';
import { Projection, ProjectionTarget } from '@app/projections';
import { publicContextReadModel, publicItemReadModel } from './public-feed.read-model';

type PublicSourceEvent =
  | PlanApproved
  | RevisionApproved
  | RealisationReported
  | RealisationCorrected
  | LkjipCompiled
  | LkjipRecompiled
  | LkjipPublished
  | AuditFindingRecorded
  | RecommendationAssessed;

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
];

const lkjipKey = (opdCode: string, year: number) => `lkjip|${opdCode}|${year}`;
const findingKey = (id: string) => `finding|${id}`;

/** The public item `event` makes, if any; compiles and recordings also keep what a later item needs. */
async function itemOf(event: PublicSourceEvent, target: ProjectionTarget): Promise<PublicItem | null> {
  const context = target.repository(publicContextReadModel);
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
      await context.save({ key: lkjipKey(event.data.opdCode, event.data.year), value: publicLkjipFigures(event.data.figures) });
      return null;
    case 'LkjipPublished': {
      const figures = await context.findOneBy({ key: lkjipKey(event.data.opdCode, event.data.year) });
      return figures && lkjipPublishedItem(event.data.opdCode, event.data.year, figures.value as ReturnType<typeof publicLkjipFigures>);
    }
    case 'AuditFindingRecorded': {
      const item = findingRecordedItem(event);
      const finding: PublicFindingContext = { opdCode: item.opdCode, year: item.year, title: event.data.title };
      await context.save({ key: findingKey(event.data.findingId), value: { ...finding } });
      return item;
    }
    case 'RecommendationAssessed': {
      const finding = await context.findOneBy({ key: findingKey(event.data.findingId) });
      return finding && recommendationAssessedItem(event, finding.value as unknown as PublicFindingContext);
    }
  }
}

/**
 * The public feed: the items DOMAIN.md's privacy table allows, made by an allow-list (public-items.ts)
 * from the events that make them. Drafts, returns, reviews, SKPs and follow-ups make none.
 */
export const publicFeedProjection: Projection = {
  name: 'public-feed',
  version: 1,
  readModels: [publicItemReadModel, publicContextReadModel],
  handles: HANDLED,
  async apply(event: ProjectionEvent, target: ProjectionTarget) {
    const item = await itemOf({ type: event.type, data: event.data } as PublicSourceEvent, target);
    if (!item) return;
    await target.repository(publicItemReadModel).save({ ...item, position: event.position, eventId: event.id, occurredAt: event.recordedAt });
  },
};
