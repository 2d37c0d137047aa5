import { AGGREGATIONS, Aggregation, POLARITIES, Polarity, REVISION_REASONS, RevisionReason } from '@app/domain/plan';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { Code, MAX_REASON, NestedList, NonBlankText, Target } from '../http/input-rules';
import { OneOf } from '../http/one-of';
import { PageQuery } from '../http/pagination';
import { ReportRealisationDto } from '../http/realisation-value.dto';

export class IndicatorDto {
  @ApiProperty({ example: 'I1' }) @Code() code: string;
  @ApiProperty({ example: 'Persentase balita gizi baik' }) @NonBlankText(2000) name: string;
  @ApiProperty({ example: '%' }) @NonBlankText(100) unit: string;

  @OneOf(POLARITIES) polarity: Polarity;
  @OneOf(AGGREGATIONS) aggregation: Aggregation;

  @ApiProperty({ minimum: 0, description: 'Not 0 when higher is better' }) @Target() annualTarget: number;

  @ApiPropertyOptional({ type: [Number], minItems: 4, maxItems: 4 })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(4, { message: 'quarterlyTargets has 4 values' })
  @ArrayMaxSize(4, { message: 'quarterlyTargets has 4 values' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true, message: 'quarterlyTargets must be finite numbers' })
  @Min(0, { each: true })
  @Max(1e15, { each: true })
  quarterlyTargets?: [number, number, number, number];
}

export class GoalDto {
  @ApiProperty({ example: 'G1' }) @Code() code: string;
  @ApiProperty() @NonBlankText() statement: string;
  @ApiProperty({ type: [IndicatorDto] }) @NestedList(() => IndicatorDto, 100) indicators: IndicatorDto[];
}

export class PlanContentDto {
  @ApiProperty({ type: [GoalDto] }) @NestedList(() => GoalDto, 100) goals: GoalDto[];
}

export class ReturnPlanDto {
  @ApiProperty() @NonBlankText(MAX_REASON) reason: string;
}

export class StartRevisionDto extends PlanContentDto {
  @OneOf(REVISION_REASONS) reasonCategory: RevisionReason;
  @ApiProperty() @NonBlankText(MAX_REASON) reason: string;
}

export class CorrectRealisationDto extends ReportRealisationDto {
  @ApiProperty() @NonBlankText(MAX_REASON) reason: string;
}

export class ListPlansParameters extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(9999) year?: number;
}
