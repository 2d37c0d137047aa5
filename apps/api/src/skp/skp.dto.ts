import { POLARITIES, Polarity } from '@app/domain/plan';
import { BERAKHLAK_VALUES, BehaviourNotes, CASCADE_KINDS, CascadeSource, RATINGS, Rating, SKP_STATUSES, SkpIndicator, SkpStatus } from '@app/domain/skp';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsInt, IsOptional, Matches, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import { Code, IsNip, MAX_REASON, NestedList, NestedObject, NonBlankText, OPD_CODE, Target } from '../http/input-rules';
import { fieldPerValue } from '../http/field-per-value';
import { OneOf } from '../http/one-of';
import { PageQuery } from '../http/pagination';

/**
 * A field of one kind of link only: validated when the link is of that kind, refused when it
 * is of the other (unknown fields are refused everywhere, and a field of the other kind would
 * otherwise pass unread).
 */
const OnlyFor = (kind: CascadeSource['kind']) =>
  applyDecorators(
    ValidateIf((source: CascadeSourceDto, value: unknown) => source.kind === kind || value !== undefined),
    ValidateBy({
      name: 'onlyFor',
      validator: {
        validate: (_value, args) => (args?.object as CascadeSourceDto).kind === kind,
        defaultMessage: (args) => `${args?.property} belongs to a ${kind} link only`,
      },
    }),
  );

/** What a result is cascaded from: `{ kind: PLAN_INDICATOR, opdCode, year, indicatorCode }` or `{ kind: SKP_RESULT, nip, resultCode }`. */
export class CascadeSourceDto {
  @OneOf(CASCADE_KINDS) kind: CascadeSource['kind'];

  @ApiPropertyOptional({ example: 'DINKES', description: 'PLAN_INDICATOR: the unit whose plan' })
  @OnlyFor('PLAN_INDICATOR')
  @Matches(OPD_CODE, { message: 'opdCode must be an OPD code' })
  opdCode?: string;

  @ApiPropertyOptional({ example: 2025, description: 'PLAN_INDICATOR: the plan’s year, the SKP’s own' })
  @OnlyFor('PLAN_INDICATOR')
  @IsInt({ message: 'year must be a whole year' })
  @Min(2000)
  @Max(9999)
  year?: number;

  @ApiPropertyOptional({ example: 'I1', description: 'PLAN_INDICATOR: an indicator of that plan’s effective version' })
  @OnlyFor('PLAN_INDICATOR')
  @Code()
  indicatorCode?: string;

  @ApiPropertyOptional({ example: '197502022000031002', description: 'SKP_RESULT: the superior whose SKP of the same year' })
  @OnlyFor('SKP_RESULT')
  @IsNip()
  nip?: string;

  @ApiPropertyOptional({ example: 'R1', description: 'SKP_RESULT: a result of that SKP' })
  @OnlyFor('SKP_RESULT')
  @Code()
  resultCode?: string;
}

export class SkpIndicatorDto implements SkpIndicator {
  @ApiProperty({ example: 'K1' }) @Code() code: string;
  @ApiProperty({ example: 'Persentase balita ditimbang' }) @NonBlankText(2000) name: string;
  @ApiProperty({ example: '%' }) @NonBlankText(100) unit: string;

  @OneOf(POLARITIES) polarity: Polarity;
  @ApiProperty({ minimum: 0, description: 'Not 0 when higher is better' }) @Target() target: number;
}

export class SkpResultDto {
  @ApiProperty({ example: 'R1' }) @Code() code: string;
  @ApiProperty() @NonBlankText() statement: string;

  @ApiProperty({ type: CascadeSourceDto })
  @IsDefined({ message: 'cascadedFrom is required' })
  @NestedObject(() => CascadeSourceDto)
  cascadedFrom: CascadeSourceDto;

  @ApiProperty({ type: [SkpIndicatorDto] }) @NestedList(() => SkpIndicatorDto, 100) indicators: SkpIndicatorDto[];
}

export class SkpResultsDto {
  @ApiProperty({ type: [SkpResultDto] }) @NestedList(() => SkpResultDto, 100) results: SkpResultDto[];
}

export class DraftSkpDto extends SkpResultsDto {
  @ApiProperty({ example: 'Siti Aminah' }) @NonBlankText(200) name: string;
  @ApiProperty({ example: 'Analis Kesehatan' }) @NonBlankText(2000) position: string;
  @ApiProperty({ example: 'DINKES' }) @Matches(OPD_CODE, { message: 'opdCode must be an OPD code' }) opdCode: string;
  @ApiProperty({ example: '197502022000031002' }) @IsNip() appraiserNip: string;
}

export class ReturnSkpDto {
  @ApiProperty() @NonBlankText(MAX_REASON) reason: string;
}

/**
 * The appraiser's optional note per BerAKHLAK value (docs/domain.md, SKP 6): a field for each
 * value of the domain's list, so a value added there is accepted here.
 */
export class BehaviourNotesDto implements BehaviourNotes {}
fieldPerValue(BehaviourNotesDto, BERAKHLAK_VALUES, applyDecorators(ApiPropertyOptional({ type: String }), IsOptional(), NonBlankText()));

export class EvaluateSkpDto {
  @OneOf(RATINGS) resultRating: Rating;
  @OneOf(RATINGS) behaviourRating: Rating;

  @ApiPropertyOptional() @IsOptional() @NonBlankText() note?: string;

  @ApiPropertyOptional({ type: BehaviourNotesDto })
  @IsOptional()
  @NestedObject(() => BehaviourNotesDto)
  behaviourNotes?: BehaviourNotesDto;

  @ApiPropertyOptional({ description: 'Required to re-evaluate a period already evaluated; the first rating stays' })
  @IsOptional()
  @NonBlankText(MAX_REASON)
  reason?: string;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

class SkpFilterQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(9999) year?: number;

  @ApiPropertyOptional({ description: 'SKPs awaiting the appraiser (true: to agree or to rate) or not (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'pending must be true or false' })
  pending?: boolean;
}

export class ListUnitSkpParameters extends IntersectionType(PageQuery, SkpFilterQuery) {
  @IsOptional()
  @OneOf(SKP_STATUSES, { required: false })
  status?: SkpStatus;
}

export class ListAppraisalsParameters extends IntersectionType(PageQuery, SkpFilterQuery) {
  @ApiPropertyOptional({ description: 'Defaults to the token’s own nip; only the inspectorate may name another' })
  @IsOptional()
  @IsNip()
  appraiserNip?: string;
}
