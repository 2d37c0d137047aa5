import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { invalidParameter } from './problem';

/**
 * A field whose value is one of a domain list (`POLARITIES`, `SKP_STATUSES` …): the check and
 * the OpenAPI enum both read the list, so neither can fall behind the domain.
 */
export const OneOf = <T extends string>(values: readonly T[], documentation: { required?: boolean; description?: string } = {}) =>
  applyDecorators(ApiProperty({ ...documentation, enum: [...values] }), IsIn(values, { message: ({ property }) => `${property} ${mustBeOneOf(values)}` }));

/** A path value that must be one of a domain list: the same words and 400 a body field gets from OneOf. */
export function oneOfParameter<T extends string>(field: string, values: readonly T[], value: string): T {
  if (!(values as readonly string[]).includes(value)) throw invalidParameter(field, mustBeOneOf(values));
  return value as T;
}

const mustBeOneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
