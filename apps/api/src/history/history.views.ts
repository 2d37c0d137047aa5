import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Answer shapes, for the OpenAPI document (docs/api.md, History and integrity). */
class ActorView {
  @ApiProperty({ nullable: true, type: String, description: 'null once the person is erased' }) sub: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) name?: string | null;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiPropertyOptional({ enum: [true], description: 'present when the person who acted has been erased' }) erased?: true;
}

export class HistoryEntryView {
  @ApiProperty() id: string;
  @ApiProperty() type: string;
  @ApiProperty() revision: number;
  @ApiProperty() position: string;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ type: ActorView }) actor: ActorView;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() correlationId: string;
  @ApiProperty({ nullable: true, type: String }) causationId: string | null;
  @ApiProperty({
    type: Object,
    description: 'The event as recorded, its personal fields opened (null once their subject is erased); `hash` covers them sealed',
  })
  data: unknown;
  @ApiProperty({ description: 'SHA-256 chain value of this event' }) hash: string;
}

export class HistoryView {
  @ApiProperty({ example: 'plan-DINKES-2025' }) stream: string;
  @ApiProperty({ type: [HistoryEntryView] }) items: HistoryEntryView[];
}

export class StreamVerificationView {
  @ApiProperty() valid: boolean;
  @ApiProperty() events: number;
  @ApiPropertyOptional({ description: 'The first revision whose hash does not match' }) firstInvalidRevision?: number;
}
