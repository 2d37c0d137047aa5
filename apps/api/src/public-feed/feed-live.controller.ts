import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { problem, ProblemException } from '../http/problem';
import { FEED_POSITION } from './feed.dto';
import { feedItemOf } from './feed-queries';
import { LiveFeed } from './live-feed';
import { openEventStream, SSE_HEARTBEAT, sseEvent } from './server-sent-events';

const HEARTBEAT_MS = 15_000;

/**
 * The public feed as Server-Sent Events: one `item` event per public item, `id` its position. A
 * client starts after `Last-Event-ID` (what a reconnecting EventSource sends), else after
 * `?after=`, else from now; it first gets what it missed, then each new item once.
 */
@ApiTags('Public')
@Public()
@Controller('public/v1/feed')
export class FeedLiveController {
  constructor(private readonly live: LiveFeed) {}

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
    const subscription = this.live.subscribe(start);
    reply.hijack();
    openEventStream(raw, reply.getHeaders());
    raw.on('close', () => subscription.close());
    const heartbeat = setInterval(() => raw.write(SSE_HEARTBEAT), HEARTBEAT_MS);
    try {
      for await (const items of subscription) for (const item of items) raw.write(sseEvent(item.position, 'item', feedItemOf(item)));
    } catch {
      // The headers are sent: a fault can only end the stream; the client reconnects with its last id.
    } finally {
      clearInterval(heartbeat);
      raw.end();
    }
  }
}
