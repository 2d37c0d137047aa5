import { isValidNip } from '@app/domain/skp';
import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { isBlankText, isStorableText } from './storable-text';

/** docs/domain.md, Identifiers and values. */
export const OPD_CODE = /^[A-Z0-9-]{2,32}$/;
export const MAX_TEXT = 10_000;
export const MAX_REASON = 2_000;
/** Whole rupiah; 10^15 is far beyond any regional budget and well inside exact doubles. */
export const MAX_RUPIAH = 1e15;

/**
 * Text is stored trimmed; a text that shows nothing (only spaces, zero-width ones included)
 * becomes '', so that every rule that refuses blank text refuses it too.
 */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? (isBlankText(value) ? '' : value.trim()) : value);

/** No NUL and no lone surrogate: a 400 naming the field, rather than the store's 422. */
export const StorableText = () =>
  ValidateBy({
    name: 'isStorableText',
    validator: {
      validate: (value) => typeof value !== 'string' || isStorableText(value),
      defaultMessage: (args) => `${args?.property ?? 'text'} must not hold a NUL character or a lone surrogate`,
    },
  });

/** Free text: stored verbatim but trimmed, never blank. */
export const NonBlankText = (maxLength = MAX_TEXT) =>
  applyDecorators(
    Transform(trim),
    IsString(),
    StorableText(),
    IsNotEmpty({ message: ({ property }) => `${property} must not be blank` }),
    MaxLength(maxLength),
  );

/** A real calendar date as YYYY-MM-DD: 2025-02-30 is refused. */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be a date as YYYY-MM-DD` }),
    IsISO8601({ strict: true }, { message: ({ property }) => `${property} must be a real date` }),
  );

/** Goal, indicator and result codes: 1–32 letters, digits, dots, dashes or underscores. */
export const CODE = /^[A-Za-z0-9._-]{1,32}$/;
export const Code = () =>
  applyDecorators(Matches(CODE, { message: ({ property }) => `${property} must be 1 to 32 letters, digits, dots, dashes or underscores` }));

/** Finite numbers only: JSON has no NaN, but 1e400 parses to Infinity. */
export const FiniteNumber = () => IsNumber({ allowNaN: false, allowInfinity: false }, { message: ({ property }) => `${property} must be a finite number` });
export const Target = () => applyDecorators(FiniteNumber(), Min(0), Max(1e15));

/**
 * A list of nested DTOs, at least one and at most `max`, each validated in turn. Each item must
 * be an object: ValidateNested passes an array item without looking inside it, so `[[]]` would
 * reach the handler (a 500) or be stored (a recommendation without text).
 */
export const NestedList = (type: () => new () => object, max: number) =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(1, { message: ({ property }) => `${property} needs at least one item` }),
    ArrayMaxSize(max),
    IsObject({ each: true, message: ({ property }) => `each item of ${property} must be an object` }),
    ValidateNested({ each: true }),
    Type(type),
  );

/** One nested DTO, which must be an object for the same reason (`cascadedFrom: []`). */
export const NestedObject = (type: () => new () => object) =>
  applyDecorators(IsObject({ message: ({ property }) => `${property} must be an object` }), ValidateNested(), Type(type));

/** A NIP whose structure holds (isValidNip: 18 digits, real dates, sex digit 1 or 2). */
export const IsNip = () =>
  ValidateBy({
    name: 'isNip',
    validator: {
      validate: (value) => typeof value === 'string' && isValidNip(value),
      defaultMessage: (args) => `${args?.property ?? 'nip'} must be an 18-digit NIP`,
    },
  });
