import { Module } from '@nestjs/common';
import { FeedLiveController } from './feed-live.controller';
import { FEED_QUERY_HANDLERS } from './feed-queries';
import { LiveFeed } from './live-feed';
import { PublicFeedController } from './public-feed.controller';

@Module({
  controllers: [PublicFeedController, FeedLiveController],
  providers: [...FEED_QUERY_HANDLERS, LiveFeed],
})
export class PublicFeedModule {}
