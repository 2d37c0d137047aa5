import { ARCHIVE_REASONS, COMPLAINT_KINDS, COMPLAINT_STATUSES, ComplaintKind, ComplaintStatus, RESPONSE_CLASSES, ResponseClass } from '@app/domain/complaint';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Equals, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { MAX_REASON, NestedObject, NonBlankText, OPD_CODE } from '../http/input-rules';
import { OneOf } from '../http/one-of';
import { PageQuery } from '../http/pagination';

/** A complaint is a citizen's text, not a document: bounded so that a flood stays small. */
export const MAX_COMPLAINT_TEXT = 5_000;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ComplaintContactDto {
  @ApiPropertyOptional({ example: 'Budi' }) @IsOptional() @NonBlankText(200) name?: string;
  @ApiPropertyOptional({ example: 'budi@example.org' })
  @IsOptional()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;

  @ApiPropertyOptional({ example: '+6281234567890' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,24}$/, { message: 'phone must be a telephone number' })
  phone?: string;
}

export class FileComplaintDto {
  @OneOf(COMPLAINT_KINDS) kind: ComplaintKind;
  @ApiPropertyOptional({ example: 'DPUPR' }) @IsOptional() @Matches(OPD_CODE, { message: 'opdCode must be an OPD code' }) opdCode?: string;
  @ApiProperty({ example: 'Jalan berlubang' }) @NonBlankText(200) subject: string;
  @ApiProperty({ example: 'Jalan di depan pasar berlubang sejak bulan lalu' }) @NonBlankText(MAX_COMPLAINT_TEXT) text: string;
  @ApiPropertyOptional({ example: 'Pasar Baru, Stabat' }) @IsOptional() @NonBlankText(500) location?: string;
  @ApiPropertyOptional({ type: ComplaintContactDto }) @IsOptional() @NestedObject(() => ComplaintContactDto) contact?: ComplaintContactDto;

  @ApiProperty({ description: 'Whether the subject, text and responses may be shown in the public feed once verified (never the contact)' })
  @Transform(toBoolean)
  @IsBoolean({ message: 'publicText must be true or false' })
  publicText: boolean;
}

export class VerifyComplaintDto {
  @OneOf(['VERIFIED', 'NEEDS_INFO', 'NOT_AUTHORITY', 'ARCHIVED'] as const) decision: 'VERIFIED' | 'NEEDS_INFO' | 'NOT_AUTHORITY' | 'ARCHIVED';

  @ApiPropertyOptional({ description: 'VERIFIED: the unit that responds', example: 'DPUPR' })
  @ValidateIf((body: VerifyComplaintDto) => body.decision === 'VERIFIED')
  @Matches(OPD_CODE, { message: 'opdCode must be an OPD code' })
  opdCode?: string;

  @ApiPropertyOptional({ enum: RESPONSE_CLASSES, description: 'VERIFIED: INFORMATION 5, NO_FIELD_CHECK 14, FIELD_CHECK 60 working days' })
  @ValidateIf((body: VerifyComplaintDto) => body.decision === 'VERIFIED')
  @IsIn(RESPONSE_CLASSES, { message: `responseClass must be one of ${RESPONSE_CLASSES.join(', ')}` })
  responseClass?: ResponseClass;

  @ApiPropertyOptional({ description: 'VERIFIED: keep the complaint off the public feed although the reporter allowed it (it names a third person, say)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'withholdFromPublic must be true or false' })
  withholdFromPublic?: boolean;

  @ApiPropertyOptional({ description: 'NEEDS_INFO: the question to the reporter' })
  @ValidateIf((body: VerifyComplaintDto) => body.decision === 'NEEDS_INFO')
  @NonBlankText(MAX_REASON)
  question?: string;

  @ApiPropertyOptional({ description: `NOT_AUTHORITY: why (free text); ARCHIVED: one of ${ARCHIVE_REASONS.join(', ')}` })
  @ValidateIf((body: VerifyComplaintDto) => body.decision === 'NOT_AUTHORITY' || body.decision === 'ARCHIVED')
  @NonBlankText(MAX_REASON)
  reason?: string;

  @ApiPropertyOptional({ description: 'NOT_AUTHORITY: where the complaint was referred' })
  @IsOptional()
  @NonBlankText(500)
  referral?: string;

  @ApiPropertyOptional({ description: 'ARCHIVED: a note, such as the tracking code a duplicate repeats' })
  @IsOptional()
  @NonBlankText(MAX_REASON)
  note?: string;
}

export class RespondToComplaintDto {
  @ApiProperty() @NonBlankText(MAX_COMPLAINT_TEXT) text: string;
}

/**
 * What the reporter sends (docs/api.md, Participation): `{ text }` answers a question,
 * `{ confirm: true }` accepts a response, `{ object: true, text }` objects to it once.
 */
export class ReporterMessageDto {
  @ApiPropertyOptional() @IsOptional() @NonBlankText(MAX_COMPLAINT_TEXT) text?: string;
  @ApiPropertyOptional({ enum: [true] }) @IsOptional() @Transform(toBoolean) @Equals(true, { message: 'confirm must be true when sent' }) confirm?: true;
  @ApiPropertyOptional({ enum: [true] }) @IsOptional() @Transform(toBoolean) @Equals(true, { message: 'object must be true when sent' }) object?: true;
}

export class ListComplaintsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'DPUPR' }) @IsOptional() @Matches(OPD_CODE, { message: 'opd must be an OPD code' }) opd?: string;
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES, description: 'The status as of today' }) @IsOptional() @IsIn(COMPLAINT_STATUSES) state?: ComplaintStatus;
  @ApiPropertyOptional({ example: 2025 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;

  @ApiPropertyOptional({ description: 'Verification or response late as of today' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'late must be true or false' })
  late?: boolean;
}
