import { GIFT_FORMS, GIFT_OCCASIONS, GiftForm, GiftOccasion, KPK_DECISIONS, KpkDecision } from '@app/domain/gratification';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, MAX_RUPIAH, NonBlankText, OPD_CODE } from '../http/input-rules';
import { OneOf } from '../http/one-of';
import { PageQuery } from '../http/pagination';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ReportGratificationDto {
  @ApiProperty({ example: '2025-06-02' }) @IsCalendarDate() receivedOn: string;
  @ApiProperty({ example: 'Rekanan pengadaan' }) @NonBlankText(500) giverRelation: string;
  @OneOf(GIFT_FORMS) form: GiftForm;
  @ApiProperty({ example: 'Parsel lebaran' }) @NonBlankText(2000) description: string;

  @ApiProperty({ minimum: 0, maximum: MAX_RUPIAH })
  @IsInt({ message: 'valueIdr must be whole rupiah' })
  @Min(0)
  @Max(MAX_RUPIAH)
  valueIdr: number;

  @OneOf(GIFT_OCCASIONS) occasion: GiftOccasion;

  @ApiProperty({ example: 'DINKES', description: 'The reporting employee’s unit: the public figures count the report there' })
  @Matches(OPD_CODE, { message: 'opdCode must be an OPD code' })
  opdCode: string;
}

export class ForwardGratificationDto {
  @ApiProperty({ example: 'KPK-GRAT/2025/0123' }) @NonBlankText(200) kpkReference: string;
  @ApiProperty({ example: '2025-06-10' }) @IsCalendarDate() forwardedOn: string;
}

export class CloseExemptDto {
  @ApiProperty() @NonBlankText(2000) reason: string;
}

export class KpkDecisionDto {
  @OneOf(KPK_DECISIONS) decision: KpkDecision;
  @ApiProperty({ example: 'SK-KPK/2025/77' }) @NonBlankText(200) decreeNumber: string;
}

export class HandOverDto {
  @ApiProperty({ example: '2025-07-01' }) @IsCalendarDate() date: string;
  @ApiProperty({ example: 'BA-SERAH-TERIMA/07' }) @NonBlankText(200) receipt: string;
}

export class ListGratificationsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'DINKES' }) @IsOptional() @Matches(OPD_CODE, { message: 'opd must be an OPD code' }) opd?: string;
  @ApiPropertyOptional({ example: 2025 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;

  @ApiPropertyOptional({ description: 'Reported late, or forwarded late (or overdue for forwarding today)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'late must be true or false' })
  late?: boolean;
}
