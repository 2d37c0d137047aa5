import { ApiProperty } from '@nestjs/swagger';
import { WriteResultView } from '../http/write-result';

export class GratificationReportedView extends WriteResultView {
  @ApiProperty({ description: 'Reported more than 10 working days after receipt' }) late: boolean;
  @ApiProperty({ description: 'Worth no more than GRATIFICATION_EXEMPTIONS allows for its occasion; still recorded' }) exemptCandidate: boolean;
  @ApiProperty({ description: 'Reported more than 30 working days after receipt' }) kpkMaySeize: boolean;
  @ApiProperty({ description: 'Shown when kpkMaySeize: KPK may set the gift as state property', nullable: true, type: String }) warning: string | null;
  @ApiProperty({ example: 3 }) workingDaysToReport: number;
  @ApiProperty({ description: 'The last working day the UPG may forward it to KPK on' }) forwardDueOn: string;
}

export class GratificationView {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, description: 'The reporter; null after an erasure' }) nip: string | null;
  @ApiProperty() opdCode: string;
  @ApiProperty() status: string;
  @ApiProperty() receivedOn: string;
  @ApiProperty() reportedOn: string;
  @ApiProperty({ nullable: true, type: String }) giverRelation: string | null;
  @ApiProperty() form: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() valueIdr: number;
  @ApiProperty() occasion: string;
  @ApiProperty() workingDaysToReport: number;
  @ApiProperty() late: boolean;
  @ApiProperty() kpkMaySeize: boolean;
  @ApiProperty() exemptCandidate: boolean;
  @ApiProperty() forwardDueOn: string;
  @ApiProperty({ description: 'Forwarded late, or not forwarded and past its due day today' }) forwardLate: boolean;
  @ApiProperty({ nullable: true, type: Object }) forwarding: object | null;
  @ApiProperty({ nullable: true, type: Object }) exemptClosing: object | null;
  @ApiProperty({ nullable: true, type: Object }) decision: object | null;
  @ApiProperty({ nullable: true, type: Object }) handOver: object | null;
  @ApiProperty({ required: false }) erased?: boolean;
  @ApiProperty({ description: "The report stream's revision, for If-Match" }) revision: number;
  @ApiProperty({ description: 'When its last event was recorded' }) updatedAt: string;
}

export class GratificationPageView {
  @ApiProperty({ type: [GratificationView] }) items: GratificationView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
