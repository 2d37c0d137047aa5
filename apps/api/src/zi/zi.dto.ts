import {
  ACTIVITY_STATUSES,
  ActivityStatus,
  BPK_OPINIONS,
  BpkOpinion,
  Grade,
  GRADES,
  LkeValue,
  ZI_AREAS,
  ZI_OUTCOMES,
  ZI_STAGES,
  ZI_TARGETS,
  ZiArea,
  ZiOutcome,
  ZiStage,
  ZiTarget,
} from '@app/domain/zi';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, ValidateBy, ValidateNested } from 'class-validator';
import { Code, IsCalendarDate, MAX_REASON, MAX_TEXT, NestedList, NonBlankText, StorableText, trim } from '../http/input-rules';
import { OneOf } from '../http/one-of';
import { PageQuery } from '../http/pagination';

const Url = () =>
  applyDecorators(
    IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: ({ property }) => `${property} must be an http(s) URL` }),
    MaxLength(2000),
  );
const Sha256 = () => Matches(/^[0-9a-f]{64}$/, { message: ({ property }) => `${property} must be a SHA-256 as 64 lowercase hex digits` });
const OptionalText = () => applyDecorators(IsOptional(), Transform(trim), IsString(), StorableText(), MaxLength(MAX_TEXT));

/** A list of nested objects that may be empty (evidence for work not started yet). */
const NestedListOrNone = (type: () => new () => object, max: number) =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(max),
    IsObject({ each: true, message: ({ property }) => `each item of ${property} must be an object` }),
    ValidateNested({ each: true }),
    Type(type),
  );

export class ZiTeamMemberDto {
  @ApiProperty({ description: 'The office (Kepala Puskesmas), never a name or NIP' }) @NonBlankText(200) position: string;
  @ApiProperty() @NonBlankText(MAX_REASON) duty: string;
}

export class DeclareZiDto {
  @OneOf(ZI_TARGETS) target: ZiTarget;
  @ApiProperty({ example: '2025-01-20' }) @IsCalendarDate() declaredOn: string;
  @ApiProperty({ description: 'The signed declaration (piagam pencanangan)' }) @Url() documentUrl: string;
  @ApiProperty() @Sha256() documentSha256: string;
  @ApiProperty({ type: [ZiTeamMemberDto] }) @NestedList(() => ZiTeamMemberDto, 100) team: ZiTeamMemberDto[];
}

export class ZiActivityDto {
  @ApiProperty() @Code() code: string;
  @OneOf(ZI_AREAS) area: ZiArea;
  @ApiProperty() @NonBlankText() description: string;
  @ApiProperty() @NonBlankText(MAX_REASON) output: string;
  @ApiProperty({ example: '2025-03-31' }) @IsCalendarDate() dueDate: string;
}

export class ZiActionPlanDto {
  @ApiProperty({ type: [ZiActivityDto] }) @NestedList(() => ZiActivityDto, 500) activities: ZiActivityDto[];
}

export class ZiEvidenceDto {
  @ApiProperty() @Url() url: string;
  @ApiProperty() @Sha256() sha256: string;
}

export class ZiProgressDto {
  @ApiProperty({ example: '2025-03-01' }) @IsCalendarDate() date: string;
  @OneOf(ACTIVITY_STATUSES) status: ActivityStatus;
  @ApiProperty({ type: [ZiEvidenceDto] }) @NestedListOrNone(() => ZiEvidenceDto, 50) evidence: ZiEvidenceDto[];
  @ApiPropertyOptional({ maxLength: MAX_TEXT }) @OptionalText() note?: string;
}

const isFraction = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).sort().join() === 'denominator,numerator' &&
  Object.values(value).every((part) => typeof part === 'number');

export class ZiAnswerDto {
  @ApiProperty() @Code() itemCode: string;

  @ApiProperty({
    description: '"YA"/"TIDAK", a letter, { numerator, denominator } or a number 0–4, by the item’s answer type',
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'object', properties: { numerator: { type: 'number' }, denominator: { type: 'number' } } }],
  })
  @ValidateBy({
    name: 'isLkeValue',
    validator: {
      validate: (value) => (typeof value === 'string' && value.length <= 8) || (typeof value === 'number' && Number.isFinite(value)) || isFraction(value),
      defaultMessage: () => 'value must be "YA"/"TIDAK", a letter, { numerator, denominator } or a number',
    },
  })
  value: LkeValue;

  @ApiPropertyOptional({ maxLength: MAX_TEXT }) @OptionalText() note?: string;
}

export class ZiAnswersDto {
  @ApiProperty({ type: [ZiAnswerDto] }) @NestedList(() => ZiAnswerDto, 500) answers: ZiAnswerDto[];
}

export class ReturnZiDto {
  @ApiProperty({ description: 'What the unit must mend; never shown on the public side' }) @NonBlankText() notes: string;
}

export class ZiPrerequisitesDto {
  @OneOf(BPK_OPINIONS) bpkOpinion: BpkOpinion;
  @OneOf(GRADES) sakipGrade: Grade;
  @OneOf(GRADES) indeksRbGrade: Grade;
}

export class ZiOutcomeDto {
  @OneOf(ZI_OUTCOMES) outcome: ZiOutcome;
  @ApiPropertyOptional({ enum: ZI_TARGETS }) @IsOptional() @OneOf(ZI_TARGETS, { required: false }) predikat?: ZiTarget;
  @ApiPropertyOptional({ description: 'The KemenPANRB decree (SK)' }) @IsOptional() @NonBlankText(200) decreeNumber?: string;
  @ApiPropertyOptional({ example: '2025-12-10' }) @IsOptional() @IsCalendarDate() decreeDate?: string;
  @ApiPropertyOptional({ maxLength: MAX_REASON }) @IsOptional() @NonBlankText(MAX_REASON) reason?: string;
}

export class RevokeZiDto {
  @ApiProperty({ maxLength: MAX_REASON }) @NonBlankText(MAX_REASON) reason: string;
}

export class ListZiParameters extends PageQuery {
  @ApiProperty({ description: 'The year' }) @Type(() => Number) @IsInt() @Min(2000) @Max(9999) year: number;
  @ApiPropertyOptional({ enum: ZI_STAGES }) @IsOptional() @OneOf(ZI_STAGES, { required: false }) stage?: ZiStage;
}
