import { PUBLIC_ITEM_TYPES } from '@app/domain/public';
import { ApiProperty } from '@nestjs/swagger';

export class FeedItemView {
  @ApiProperty({ description: 'The log position of the event that made it: pass it as `after`' }) position: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ enum: PUBLIC_ITEM_TYPES }) type: string;
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ description: 'A public address: the unit’s public scorecard or the published LKjIP' }) link: string;
  @ApiProperty({ description: 'The unit’s page on the public portal, for people: where a reader follows the item', example: '/opd/DINKES/2026' })
  pageUrl: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The fields the privacy table of docs/domain.md allows for the type' })
  details: Record<string, unknown>;
}

export class FeedPageView {
  @ApiProperty({ type: [FeedItemView] }) items: FeedItemView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `after` for what follows: the last item’s position, else `after` itself' })
  next: string | null;
}
