import {
  ASSESSMENT_STATUSES,
  AssessmentStatus,
  DELAY_REASONS,
  DelayReason,
  FINDING_CATEGORIES,
  FindingCategory,
  RecommendationStatus,
} from '@app/domain/audit-finding';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, MAX_RUPIAH, NestedList, NonBlankText, OPD_CODE } from '../http/input-rules';
import { PageQuery } from '../http/pagination';

export const RECOMMENDATION_STATUSES: readonly RecommendationStatus[] = ['BELUM_DITINDAKLANJUTI', ...ASSESSMENT_STATUSES];

const Rupiah = () => applyDecorators(IsInt({ message: ({ property }) => `${property} must be whole rupiah` }), Min(0), Max(MAX_RUPIAH));

const EvidenceUrl = () =>
  applyDecorators(
    IsOptional(),
    IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: ({ property }) => `${property} must be an http(s) URL` }),
    MaxLength(2000),
  );

export class RecommendationDto {
  @ApiProperty() @NonBlankText() text: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_RUPIAH })
  @IsOptional()
  @Rupiah()
  amountIdr?: number;
}

export class RecordAuditFindingDto {
  @ApiProperty({ example: 'DINKES' })
  @Matches(OPD_CODE, { message: 'opdCode must be an OPD code' })
  opdCode: string;

  @ApiProperty({ example: 'LHP-01/2025' }) @NonBlankText(200) reportNumber: string;
  @ApiProperty({ example: '2025-03-01' }) @IsCalendarDate() reportDate: string;

  @ApiPropertyOptional({ description: 'Defaults to reportDate; the 60 days run from it' })
  @IsOptional()
  @IsCalendarDate()
  receivedDate?: string;

  @ApiProperty() @NonBlankText(2000) title: string;
  @ApiProperty({ description: 'kondisi' }) @NonBlankText() condition: string;
  @ApiProperty({ description: 'kriteria' }) @NonBlankText() criteria: string;
  @ApiProperty({ description: 'sebab' }) @NonBlankText() cause: string;
  @ApiProperty({ description: 'akibat' }) @NonBlankText() effect: string;

  @ApiProperty({ enum: FINDING_CATEGORIES })
  @IsIn(FINDING_CATEGORIES, { message: `category must be one of ${FINDING_CATEGORIES.join(', ')}` })
  category: FindingCategory;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_RUPIAH })
  @IsOptional()
  @Rupiah()
  amountIdr?: number;

  @ApiProperty({ type: [RecommendationDto] }) @NestedList(() => RecommendationDto, 100) recommendations: RecommendationDto[];
}

export class RecordFollowUpDto {
  @ApiProperty() @NonBlankText() description: string;
  @ApiPropertyOptional() @EvidenceUrl() evidenceUrl?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_RUPIAH, description: 'Money returned with this follow-up' })
  @IsOptional()
  @Rupiah()
  amountSettledIdr?: number;
}

export class AssessRecommendationDto {
  @ApiProperty({ enum: ASSESSMENT_STATUSES })
  @IsIn(ASSESSMENT_STATUSES, { message: `status must be one of ${ASSESSMENT_STATUSES.join(', ')}` })
  status: AssessmentStatus;

  @ApiProperty({ description: "The inspector's reasoning" }) @NonBlankText() note: string;
}

export class RecordDelayReasonDto {
  @ApiProperty({ enum: DELAY_REASONS })
  @IsIn(DELAY_REASONS, { message: `reasonCategory must be one of ${DELAY_REASONS.join(', ')}` })
  reasonCategory: DelayReason;

  @ApiProperty() @NonBlankText() note: string;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class FindingScopeQuery {
  @ApiPropertyOptional({ description: 'OPD code; OPD roles see only their own' })
  @IsOptional()
  @Matches(OPD_CODE, { message: 'opd must be an OPD code' })
  opd?: string;

  @ApiPropertyOptional({ description: "The audit report's year" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(9999)
  year?: number;
}

export class ListFindingsQuery extends IntersectionType(PageQuery, FindingScopeQuery) {
  @ApiPropertyOptional({ enum: RECOMMENDATION_STATUSES, description: 'Findings with a recommendation in this status' })
  @IsOptional()
  @IsIn(RECOMMENDATION_STATUSES, { message: `status must be one of ${RECOMMENDATION_STATUSES.join(', ')}` })
  status?: RecommendationStatus;

  @ApiPropertyOptional({ description: 'Findings with (true) or without (false) an overdue recommendation today' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}
