import { OPD_STATUSES, OpdStatus } from '@app/domain/opd';
import { OpdRow } from '@app/read-models';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { MAX_REASON, NonBlankText, OPD_CODE } from '../http/input-rules';

export class RegisterOpdDto {
  @ApiProperty({ example: 'DINKES', pattern: OPD_CODE.source })
  @Matches(OPD_CODE, { message: 'code must be 2 to 32 characters of A-Z, 0-9 and -' })
  code: string;

  @ApiProperty({ example: 'Dinas Kesehatan' })
  @NonBlankText()
  name: string;

  @ApiPropertyOptional({ example: 'SETDA' })
  @IsOptional()
  @Matches(OPD_CODE, { message: 'parentCode must be an OPD code' })
  parentCode?: string;
}

export class RenameOpdDto {
  @ApiProperty()
  @NonBlankText()
  name: string;

  @ApiProperty({ description: 'Why the unit is renamed; recorded with the event' })
  @NonBlankText(MAX_REASON)
  reason: string;
}

export class DissolveOpdDto {
  @ApiProperty()
  @NonBlankText(MAX_REASON)
  reason: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(OPD_CODE, { message: 'successorCode must be an OPD code' })
  successorCode?: string;
}

/** Implements the register's row it documents, so a field added there fails to compile here. */
export class OpdView implements OpdRow {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) parentCode: string | null;
  @ApiProperty({ enum: OPD_STATUSES }) status: OpdStatus;
  @ApiProperty({ nullable: true, type: String }) successorCode: string | null;
  @ApiProperty() revision: number;
  @ApiProperty() registeredAt: string;
  @ApiProperty() updatedAt: string;
}

export class OpdPageView {
  @ApiProperty({ type: [OpdView] }) items: OpdView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
