import { publicUnitPageLink } from '@app/domain/public';
import { Projections } from '@app/projections';
import { publicItemReadModel, PublicItemRow } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { MoreThan } from 'typeorm';

/**
 * A feed item as answered: the row without its event id (the Atom entry id is made of it), with
 * `pageUrl`, the portal page a person follows. Made when answered, not stored: it is an address
 * of this service, and `link` stays what programs already read.
 */
export type FeedItem = Omit<PublicItemRow, 'eventId'> & { pageUrl: string };

export const feedItemOf = ({ eventId: _eventId, ...item }: PublicItemRow): FeedItem => ({ ...item, pageUrl: publicUnitPageLink(item.opdCode, item.year) });

/** Items after `after` (exclusive), oldest first. */
export class FeedPageQuery extends Query<PublicItemRow[]> {
  constructor(
    readonly after: string | undefined,
    readonly limit: number,
  ) {
    super();
  }
}

@QueryHandler(FeedPageQuery)
export class FeedPageHandler implements IQueryHandler<FeedPageQuery> {
  constructor(private readonly projections: Projections) {}

  async execute({ after, limit }: FeedPageQuery): Promise<PublicItemRow[]> {
    return (await this.projections.reader(publicItemReadModel)).find({
      where: after ? { position: MoreThan(after) } : {},
      order: { position: 'ASC' },
      take: limit,
    });
  }
}

/** The newest `limit` items, newest first: what a feed reader shows. */
export class LatestItemsQuery extends Query<PublicItemRow[]> {
  constructor(readonly limit: number) {
    super();
  }
}

@QueryHandler(LatestItemsQuery)
export class LatestItemsHandler implements IQueryHandler<LatestItemsQuery> {
  constructor(private readonly projections: Projections) {}

  async execute({ limit }: LatestItemsQuery): Promise<PublicItemRow[]> {
    return (await this.projections.reader(publicItemReadModel)).find({ order: { position: 'DESC' }, take: limit });
  }
}

/** The position of the newest item, or null before the first: where a live client starts. */
export class FeedHeadQuery extends Query<string | null> {}

@QueryHandler(FeedHeadQuery)
export class FeedHeadHandler implements IQueryHandler<FeedHeadQuery> {
  constructor(private readonly projections: Projections) {}

  async execute(): Promise<string | null> {
    const [newest] = await (await this.projections.reader(publicItemReadModel)).find({ select: { position: true }, order: { position: 'DESC' }, take: 1 });
    return newest?.position ?? null;
  }
}

export const FEED_QUERY_HANDLERS = [FeedPageHandler, LatestItemsHandler, FeedHeadHandler];
