import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsISO8601, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** docs/domain.md, Identifiers and values. */
export const OPD_CODE = /^[A-Z0-9-]{2,32}$/;
export const MAX_TEXT = 10_000;
export const MAX_REASON = 2_000;
/** Whole rupiah; 10^15 is far beyond any regional budget and well inside exact doubles. */
export const MAX_RUPIAH = 1e15;

export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Free text: stored verbatim but trimmed, never blank. */
export const NonBlankText = (maxLength = MAX_TEXT) =>
  applyDecorators(
    Transform(trim),
    IsString(),
    IsNotEmpty({ message: ({ property }) => `${property} must not be blank` }),
    MaxLength(maxLength),
  );

/** A real calendar date as YYYY-MM-DD: 2025-02-30 is refused. */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be a date as YYYY-MM-DD` }),
    IsISO8601({ strict: true }, { message: ({ property }) => `${property} must be a real date` }),
  );
