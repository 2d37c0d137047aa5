import { ApiProperty } from '@nestjs/swagger';

/** The public integrity head's answer. */
export class IntegrityCheckpointView {
  @ApiProperty() sequence: number;
  @ApiProperty({ description: 'Position of the last event covered' }) position: string;
  @ApiProperty({ description: 'Events covered since the previous checkpoint' }) events: number;
  @ApiProperty() hash: string;
  @ApiProperty() previousHash: string;
  @ApiProperty() recordedAt: string;
}
