import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/**
 * A field whose value is one of a domain list (`POLARITIES`, `SKP_STATUSES` …): the check and
 * the OpenAPI enum both read the list, so neither can fall behind the domain.
 */
export const OneOf = <T extends string>(values: readonly T[], documentation: { required?: boolean; description?: string } = {}) =>
  applyDecorators(
    ApiProperty({ ...documentation, enum: [...values] }),
    IsIn(values, { message: ({ property }) => `${property} must be one of ${values.join(', ')}` }),
  );
