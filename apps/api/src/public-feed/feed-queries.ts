import { publicUnitPageLink } from '@app/domain/public';
import { PersonalData } from '@app/personal-data';
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

/**
 * The words a reporter let the public read (a verified complaint's subject and text) are kept
 * sealed in the feed's table and opened here, where every way of serving the feed reads it: after
 * the reporter's erasure they read as null.
 */
async function opened(rows: PublicItemRow[], personalData: PersonalData): Promise<PublicItemRow[]> {
  return Promise.all(
    rows.map(async (row) =>
      row.type.startsWith('COMPLAINT_') ? { ...row, details: (await personalData.revealAll(row.details)) as PublicItemRow['details'] } : row,
    ),
  );
}

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
  constructor(
    private readonly projections: Projections,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ after, limit }: FeedPageQuery): Promise<PublicItemRow[]> {
    const rows = await (
      await this.projections.reader(publicItemReadModel)
    ).find({
      where: after ? { position: MoreThan(after) } : {},
      order: { position: 'ASC' },
      take: limit,
    });
    return opened(rows, this.personalData);
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
  constructor(
    private readonly projections: Projections,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ limit }: LatestItemsQuery): Promise<PublicItemRow[]> {
    return opened(await (await this.projections.reader(publicItemReadModel)).find({ order: { position: 'DESC' }, take: limit }), this.personalData);
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
