import {
  ASSESSMENT_STATUSES,
  AssessmentStatus,
  DELAY_REASONS,
  DelayReason,
  FINDING_CATEGORIES,
  FindingCategory,
  RECOMMENDATION_STATUSES,
  RecommendationStatus,
} from '@app/domain/audit-finding';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, MAX_RUPIAH, NestedList, NonBlankText, OPD_CODE } from '../http/input-rules';
import { OneOf } from '../http/one-of';
import { PageQuery } from '../http/pagination';

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

  @OneOf(FINDING_CATEGORIES) category: FindingCategory;

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
  @OneOf(ASSESSMENT_STATUSES) status: AssessmentStatus;
  @ApiProperty({ description: "The inspector's reasoning" }) @NonBlankText() note: string;
}

export class RecordDelayReasonDto {
  @OneOf(DELAY_REASONS) reasonCategory: DelayReason;
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
  @IsOptional()
  @OneOf(RECOMMENDATION_STATUSES, { required: false, description: 'Findings with a recommendation in this status' })
  status?: RecommendationStatus;

  @ApiPropertyOptional({ description: 'Findings with (true) or without (false) an overdue recommendation today' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}
