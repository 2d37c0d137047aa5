import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsNip, MAX_REASON, NestedObject, NonBlankText } from '../http/input-rules';

const TRACKING_CODE = /^[A-Z0-9-]{4,64}$/;
/** A legal basis or a reason names no one: an 18-digit run (a NIP) is refused, so the record stays free of personal data. */
const NO_NIP = /^(?![\s\S]*\d{18})/;

/** Whose data: an employee by NIP, or (once those contexts exist) a complaint's or WBS report's reporter by tracking code. */
export class ErasureSubjectDto {
  @ApiPropertyOptional({ example: '198001012005011001' })
  @IsOptional()
  @IsNip()
  nip?: string;

  @ApiPropertyOptional({ description: 'A complaint tracking code' })
  @IsOptional()
  @Matches(TRACKING_CODE, { message: 'complaint must be a tracking code' })
  complaint?: string;

  @ApiPropertyOptional({ description: 'A WBS report tracking code' })
  @IsOptional()
  @Matches(TRACKING_CODE, { message: 'wbs must be a tracking code' })
  wbs?: string;
}

export class EraseDto {
  @ApiProperty({ type: ErasureSubjectDto })
  @NestedObject(() => ErasureSubjectDto)
  subject: ErasureSubjectDto;

  @ApiProperty({ example: 'UU 27/2022 Pasal 8' })
  @NonBlankText(MAX_REASON)
  @Matches(NO_NIP, { message: 'legalBasis must not name a NIP' })
  legalBasis: string;

  @ApiProperty()
  @NonBlankText(MAX_REASON)
  @Matches(NO_NIP, { message: 'reason must not name a NIP' })
  reason: string;
}
