import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** A log position as the feed gives them out (`position`, `next`): opaque, but of one shape. */
export const FEED_POSITION = /^\d{20}-\d{20}$/;

export class FeedQuery {
  @ApiPropertyOptional({ description: 'A position from an earlier page (`next` or an item’s `position`); the items after it' })
  @IsOptional()
  @Matches(FEED_POSITION, { message: 'after must be a position the feed gave out' })
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;
}
