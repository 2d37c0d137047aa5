import { WBS_STATUSES, WbsStatus } from '@app/domain/wbs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { MAX_REASON, NestedObject, NonBlankText } from '../http/input-rules';
import { OneOf } from '../http/one-of';
import { PageQuery } from '../http/pagination';

/** A report is a person's account, not a dossier: bounded so a flood stays small. */
export const MAX_WBS_TEXT = 10_000;

export class WbsIdentityDto {
  @ApiProperty({ example: 'Rina' }) @NonBlankText(200) name: string;
  @ApiProperty({ example: 'rina@example.org', description: 'How an officer may reach the reporter: e-mail, telephone, anything' })
  @NonBlankText(254)
  contact: string;
}

export class FileWbsReportDto {
  @ApiProperty({ example: 'Pungutan pada pengurusan izin usaha' }) @NonBlankText(MAX_WBS_TEXT) allegation: string;
  @ApiProperty({ example: 'Seksi perizinan', description: 'Who: a position or a unit, free text' }) @NonBlankText(500) concerning: string;
  @ApiPropertyOptional({ example: 'Mei 2025' }) @IsOptional() @NonBlankText(200) when?: string;
  @ApiPropertyOptional({ example: 'Kantor DPMPTSP' }) @IsOptional() @NonBlankText(500) where?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 10 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @MaxLength(2000, { each: true })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { each: true, message: 'each evidenceUrls item must be an http(s) URL' })
  evidenceUrls?: string[];

  @ApiPropertyOptional({ type: WbsIdentityDto, description: 'Sealed under the report’s own key; read only through a recorded reading' })
  @IsOptional()
  @NestedObject(() => WbsIdentityDto)
  identity?: WbsIdentityDto;
}

export class WbsMessageDto {
  @ApiProperty() @NonBlankText(MAX_WBS_TEXT) text: string;
}

export class MoveWbsReportDto {
  @OneOf(WBS_STATUSES.filter((status) => status !== 'RECEIVED')) to: WbsStatus;
  @ApiProperty() @NonBlankText(MAX_REASON) reason: string;
  @ApiPropertyOptional({ description: 'REFERRED: the case’s reference at law enforcement or KPK' }) @IsOptional() @NonBlankText(200) reference?: string;
}

export class ReadWbsIdentityDto {
  @ApiProperty({ description: 'Why the identity is needed; recorded, and the reporter sees that and when it was read' })
  @NonBlankText(MAX_REASON)
  reason: string;
}

export class ListWbsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WBS_STATUSES }) @IsOptional() @IsIn(WBS_STATUSES) state?: WbsStatus;
  @ApiPropertyOptional({ example: 2025 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}
