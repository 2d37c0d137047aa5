import { RED_FLAG_CODES, RedFlagCode } from '@app/read-models';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { OPD_CODE } from '../http/input-rules';
import { OneOf } from '../http/one-of';
import { PageQuery } from '../http/pagination';

export class RedFlagListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'OPD code; OPD roles see only their own' })
  @IsOptional()
  @Matches(OPD_CODE, { message: 'opd must be an OPD code' })
  opd?: string;

  @ApiPropertyOptional({ description: 'The plan’s, LKjIP’s or audit report’s year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(9999)
  year?: number;

  @IsOptional()
  @OneOf(RED_FLAG_CODES, { required: false })
  code?: RedFlagCode;
}
