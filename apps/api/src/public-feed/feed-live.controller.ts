import { PublicItemRow } from '@app/read-models';
import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { problem, ProblemException } from '../http/problem';
import { FEED_POSITION } from './feed.dto';
import { feedItemOf, FeedHeadQuery, FeedPageQuery } from './feed-queries';
import { LiveFeed } from './live-feed';
import { openEventStream, SSE_HEARTBEAT, sseEvent } from './server-sent-events';

const HEARTBEAT_MS = 15_000;
const CATCH_UP_PAGE = 500;

/**
 * The public feed as Server-Sent Events: one `item` event per public item, `id` its position. A
 * client starts after `Last-Event-ID` (what a reconnecting EventSource sends), else after
 * `?after=`, else from now; it first gets what it missed, then each new item once.
 */
@ApiTags('Public')
@Public()
@Controller('public/v1/feed')
export class FeedLiveController {
  constructor(
    private readonly queries: QueryBus,
    private readonly live: LiveFeed,
  ) {}

  @Get('live')
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The last id received; the stream resumes after it' })
  @ApiOkResponse({ description: 'Server-Sent Events, `event: item`', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  async stream(
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query('after') after: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const start = lastEventId?.trim() || after;
    if (start !== undefined && !FEED_POSITION.test(start)) {
      throw new ProblemException(
        problem(400, 'VALIDATION_FAILED', 'Last-Event-ID or after must be a position the feed gave out', {
          errors: [{ field: lastEventId ? 'Last-Event-ID' : 'after', message: 'unknown position' }],
        }),
      );
    }
    const raw = reply.raw;
    let sent: string | null = start ?? null;
    let catchingUp = true;
    const waiting: PublicItemRow[] = [];
    let closed = false;
    const send = (items: PublicItemRow[]) => {
      if (closed) return;
      for (const item of items) {
        // Whatever came both from catching up and from the watcher is sent once, in order.
        if (sent !== null && item.position <= sent) continue;
        raw.write(sseEvent(item.position, 'item', feedItemOf(item)));
        sent = item.position;
      }
    };
    let stopListening = () => {};
    const heartbeat = setInterval(() => raw.write(SSE_HEARTBEAT), HEARTBEAT_MS);
    const finish = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      stopListening();
      raw.end();
    };
    reply.hijack();
    openEventStream(raw, reply.getHeaders());
    raw.on('close', finish);
    try {
      stopListening = await this.live.listen({ deliver: (items) => (catchingUp ? waiting.push(...items) : send(items)), close: finish });
      if (start === undefined) sent = await this.queries.execute(new FeedHeadQuery());
      for (;;) {
        if (closed) return;
        const page: PublicItemRow[] = await this.queries.execute(new FeedPageQuery(sent ?? undefined, CATCH_UP_PAGE));
        send(page);
        if (page.length < CATCH_UP_PAGE) break;
      }
      send(waiting.splice(0));
      catchingUp = false;
    } catch {
      // The headers are sent: a fault can only end the stream; the client reconnects with its last id.
      finish();
    }
  }
}
