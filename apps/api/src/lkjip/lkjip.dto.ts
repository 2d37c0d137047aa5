import { REVIEW_OUTCOMES, returnLacksNotes, ReviewOutcome } from '@app/domain/lkjip';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { MAX_TEXT, NonBlankText, StorableText, trim } from '../http/input-rules';
import { OneOf } from '../http/one-of';

/**
 * A chapter runs to pages (Bab III carries the whole analysis), so it may be ten times the usual
 * free text; five of them still fit the 1 MiB body limit many times over.
 */
export const MAX_SECTION = 100_000;

export class WriteSectionDto {
  /** Blank is refused here: clearing a chapter is not something a unit asks for, and submit needs them all. */
  @ApiProperty({ maxLength: MAX_SECTION }) @NonBlankText(MAX_SECTION) text: string;
}

export class ReviewLkjipDto {
  @OneOf(REVIEW_OUTCOMES) outcome: ReviewOutcome;

  /** Required (non-blank) to return a report; optional on acceptance. */
  @ApiPropertyOptional({ maxLength: MAX_TEXT, description: 'Required when RETURNED; never shown on the public side' })
  @ValidateIf((review: ReviewLkjipDto) => review.outcome === 'RETURNED' || review.notes !== undefined)
  @Transform(trim)
  @IsString({ message: 'notes are required to return a report' })
  @StorableText()
  @MaxLength(MAX_TEXT)
  @ValidateBy({
    name: 'notesToReturn',
    validator: {
      validate: (notes, args) => typeof notes !== 'string' || !returnLacksNotes((args?.object as ReviewLkjipDto).outcome, notes),
      defaultMessage: () => 'notes must not be blank to return a report',
    },
  })
  notes?: string;
}
