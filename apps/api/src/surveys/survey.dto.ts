import { AGE_BANDS, AgeBand, EDUCATIONS, Education, GENDERS, Gender, SURVEY_KINDS, SurveyKind } from '@app/domain/survey';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, Matches, Max, Min } from 'class-validator';
import { NestedObject, NonBlankText, OPD_CODE } from '../http/input-rules';
import { OneOf } from '../http/one-of';

export class OpenSurveyDto {
  @OneOf(SURVEY_KINDS) kind: SurveyKind;
  @ApiProperty({ example: 'Pelayanan rawat jalan' }) @NonBlankText(200) service: string;
  @ApiProperty({ example: 2025 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) quarter: number;

  @ApiProperty({ description: 'Service users in the period (Krejcie–Morgan N)', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  population: number;
}

/** Bands only: nothing here can name a respondent. */
export class RespondentDto {
  @IsOptional() @OneOf(GENDERS, { required: false }) gender?: Gender;
  @IsOptional() @OneOf(AGE_BANDS, { required: false }) ageBand?: AgeBand;
  @IsOptional() @OneOf(EDUCATIONS, { required: false }) education?: Education;
}

export class AnswerSurveyDto {
  @ApiProperty({
    description: 'One answer 1–4 per question the survey asks (SKM: U1…U9)',
    example: { U1: 4, U2: 3, U3: 3, U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 3 },
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1, maximum: 4 },
  })
  @IsObject()
  answers: Record<string, number>;

  @ApiPropertyOptional({ type: RespondentDto }) @IsOptional() @NestedObject(() => RespondentDto) respondent?: RespondentDto;
}

export class SurveyListQuery {
  @ApiPropertyOptional({ example: 'DINKES' }) @IsOptional() @Matches(OPD_CODE, { message: 'opd must be an OPD code' }) opd?: string;
  @ApiPropertyOptional({ example: 2025 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}
