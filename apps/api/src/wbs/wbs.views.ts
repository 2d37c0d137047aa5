import { WBS_STATUSES, WbsDocument } from '@app/domain/wbs';
import { ApiProperty } from '@nestjs/swagger';
import { WriteResultView } from '../http/write-result';

export class WbsFiledView extends WriteResultView {
  @ApiProperty({ example: 'W7M2-QX9P' }) trackingCode: string;
  @ApiProperty({ nullable: true, type: String, description: 'Shown once (header X-Follow-Secret to follow the report). Null on a retried request.' })
  followSecret: string | null;
}

export class WbsMessageView {
  @ApiProperty({ enum: ['REPORTER', 'OFFICER'], description: 'Which side wrote, never who' }) from: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null once the report’s words are erased' }) text: string | null;
  @ApiProperty() on: string;
}

export class WbsIdentityReadingView {
  @ApiProperty({ description: 'The day an officer read the identity; never who' }) on: string;
}

/** What the reporter reads with the follow secret: the state, the messages, when the identity was read. */
export class WbsFollowView {
  @ApiProperty() trackingCode: string;
  @ApiProperty({ enum: WBS_STATUSES }) status: string;
  @ApiProperty() filedOn: string;
  @ApiProperty({ nullable: true, type: String }) closedOn: string | null;
  @ApiProperty({ description: 'Whether the reporter gave an identity' }) identityGiven: boolean;
  @ApiProperty({ type: [WbsMessageView] }) messages: WbsMessageView[];
  @ApiProperty({ type: [WbsIdentityReadingView] }) identityReadings: WbsIdentityReadingView[];
}

export function wbsFollowView(document: WbsDocument): WbsFollowView {
  const { trackingCode, status, filedOn, closedOn, identityGiven, messages } = document;
  return { trackingCode, status, filedOn, closedOn, identityGiven, messages, identityReadings: document.identityReadings.map(({ on }) => ({ on })) };
}

export class WbsMoveView {
  @ApiProperty({ enum: WBS_STATUSES }) from: string;
  @ApiProperty({ enum: WBS_STATUSES }) to: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty() on: string;
}

export class WbsOfficerReadingView {
  @ApiProperty() on: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

/** A report as the WBS officers read it: everything but the identity, which only a reading opens. */
export class WbsReportView {
  @ApiProperty() trackingCode: string;
  @ApiProperty({ enum: WBS_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null once erased' }) allegation: string | null;
  @ApiProperty({ nullable: true, type: String }) concerning: string | null;
  @ApiProperty({ nullable: true, type: String }) when: string | null;
  @ApiProperty({ nullable: true, type: String }) where: string | null;
  @ApiProperty({ type: [String] }) evidenceUrls: Array<string | null>;
  @ApiProperty() identityGiven: boolean;
  @ApiProperty() filedOn: string;
  @ApiProperty({ nullable: true, type: String }) closedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty({ type: [WbsMoveView] }) moves: WbsMoveView[];
  @ApiProperty({ type: [WbsMessageView] }) messages: WbsMessageView[];
  @ApiProperty({ type: [WbsOfficerReadingView] }) identityReadings: WbsOfficerReadingView[];
  @ApiProperty({ description: "The report stream's revision, for If-Match" }) revision: number;
  @ApiProperty() updatedAt: string;
}

export class WbsPageView {
  @ApiProperty({ type: [WbsReportView] }) items: WbsReportView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class WbsIdentityView {
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) contact: string | null;
}

export class WbsIdentityReadView extends WriteResultView {
  @ApiProperty({ nullable: true, type: WbsIdentityView, description: 'Null once erased, and on a retried request' }) identity: WbsIdentityView | null;
}

export class WbsFiguresView {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Reports filed in the year' }) total: number;
  @ApiProperty({
    description: 'Reports filed in the year, by their state today',
    example: { RECEIVED: 1, UNDER_REVIEW: 0, INVESTIGATING: 2, REFERRED: 0, CLOSED: 3 },
  })
  byState: Record<string, number>;
}
