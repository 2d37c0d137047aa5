import { RED_FLAG_CODES, RedFlagCode } from '@app/read-models';
import { ApiProperty } from '@nestjs/swagger';
import { RedFlag } from './red-flag-queries';

type RaisingEvent = RedFlag['event'];

/** Each class implements the answer it documents, so a field added to a flag fails to compile here. */
class RaisingEventView implements RaisingEvent {
  @ApiProperty({ description: 'The event id, as in the history' }) id: string;
  @ApiProperty() position: string;
  @ApiProperty({ description: 'Its revision in the stream' }) revision: number;
  @ApiProperty() recordedAt: string;
}

class RedFlagView implements RedFlag {
  @ApiProperty({ enum: RED_FLAG_CODES }) code: RedFlagCode;
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: 'The stream the event belongs to, e.g. plan-DINKES-2025' }) stream: string;
  @ApiProperty({ type: RaisingEventView }) event: RaisingEventView;
  @ApiProperty({ nullable: true, type: Number }) quarter: number | null;
  @ApiProperty({ nullable: true, type: String }) indicatorCode: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The plan version whose approval eased a target' }) version: number | null;
  @ApiProperty({ nullable: true, type: String }) findingId: string | null;
  @ApiProperty({ nullable: true, type: Number }) recommendationNo: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'ZI_ACTIVITY_OVERDUE: the action plan’s activity; the unit is in the stream' }) activityCode:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'RECOMMENDATION_OVERDUE, LKJIP_LATE: the due date' }) dueDate: string | null;
}

export class RedFlagPageView {
  @ApiProperty({ type: [RedFlagView] }) items: RedFlagView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
