import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { Code, FiniteNumber, NestedList, NonBlankText } from './input-rules';

/** One indicator's value in a report, the same for a unit's plan and an employee's SKP. */
export class RealisationValueDto {
  @ApiProperty({ example: 'I1' }) @Code() indicatorCode: string;
  @ApiProperty({ example: 82 }) @FiniteNumber() @Min(-1e15) @Max(1e15) value: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'evidenceUrl must be an http(s) URL' })
  @MaxLength(2000)
  evidenceUrl?: string;

  @ApiPropertyOptional() @IsOptional() @NonBlankText() note?: string;
}

export class ReportRealisationDto {
  @ApiProperty({ type: [RealisationValueDto] }) @NestedList(() => RealisationValueDto, 500) values: RealisationValueDto[];
}
