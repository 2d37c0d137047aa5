import { Environment } from '@app/config';
import { PublicItemRow } from '@app/read-models';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { sendCacheable } from '../http/public-cache';
import { renderAtom } from './atom';
import { FeedQuery } from './feed.dto';
import { feedItemOf, FeedPageQuery, LatestItemsQuery } from './feed-queries';
import { FeedPageView } from './feed.views';

/** The public feed for anyone: JSON pages and Atom (docs/api.md, Public). */
@ApiTags('Public')
@Public()
@Controller('public/v1')
export class PublicFeedController {
  private readonly region: string;

  constructor(
    private readonly queries: QueryBus,
    environment: Environment,
  ) {
    this.region = environment.REGION_NAME;
  }

  @Get('feed')
  @ApiOkResponse({ type: FeedPageView })
  async feed(@Query() { after, limit }: FeedQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const items: PublicItemRow[] = await this.queries.execute(new FeedPageQuery(after, limit));
    const body = JSON.stringify({ items: items.map(feedItemOf), next: items.at(-1)?.position ?? after ?? null });
    return sendCacheable(request, reply, body, 'application/json; charset=utf-8');
  }

  /**
   * Without `after`, the newest `limit` items, newest first, as a feed reader expects; with it,
   * the same page as the JSON feed.
   */
  @Get('feed.atom')
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'Atom 1.0', content: { 'application/atom+xml': { schema: { type: 'string' } } } })
  async atom(@Query() { after, limit }: FeedQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const items: PublicItemRow[] = await this.queries.execute(after ? new FeedPageQuery(after, limit) : new LatestItemsQuery(limit));
    return sendCacheable(request, reply, renderAtom(items, '/public/v1/feed.atom', this.region), 'application/atom+xml; charset=utf-8');
  }
}
