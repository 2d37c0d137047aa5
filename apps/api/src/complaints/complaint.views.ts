import { COMPLAINT_KINDS, COMPLAINT_STATUSES, ComplaintDocument, complaintStatusOn, RESPONSE_CLASSES } from '@app/domain/complaint';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WriteResultView } from '../http/write-result';
import { Opened } from './complaint-personal-data';

export class ComplaintFiledView extends WriteResultView {
  @ApiProperty({ example: 'K7M2-QX9P' }) trackingCode: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Shown once: with the tracking code it lets the reporter follow the complaint (header X-Follow-Secret). Null on a retried request.',
  })
  followSecret: string | null;
}

export class ComplaintMessageView {
  @ApiProperty({ enum: ['REPORTER', 'ADMIN', 'OPD'], description: 'Who spoke, never by name' }) from: string;
  @ApiProperty({ enum: ['QUESTION', 'ANSWER', 'REFERRAL', 'ARCHIVING', 'RESPONSE', 'OBJECTION', 'CONFIRMATION'] }) kind: string;
  @ApiProperty({ nullable: true, type: String }) text: string | null;
  @ApiProperty() on: string;
  @ApiPropertyOptional({ description: 'RESPONSE: came after its deadline' }) late?: boolean;
}

export class ComplaintDeadlinesView {
  @ApiProperty({ nullable: true, type: String, description: 'The desk verifies by this day' }) verificationDue: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The reporter answers the question by this day' }) answerDue: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The unit responds by this day' }) responseDue: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The reporter confirms or objects by this day; after it the complaint is closed' }) confirmDue:
    string | null;
}

/** What the reporter reads with the follow secret: no officer's name, no hash. */
export class ComplaintFollowView {
  @ApiProperty() trackingCode: string;
  @ApiProperty({ enum: COMPLAINT_KINDS }) kind: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES, description: 'As of today' }) status: string;
  @ApiProperty({ nullable: true, type: String }) opdCode: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Null after an erasure' }) subject: string | null;
  @ApiProperty({ nullable: true, type: String }) text: string | null;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ description: 'Shown in the public feed once verified: the reporter allowed it and the desk did not withhold it' }) publicText: boolean;
  @ApiProperty() filedOn: string;
  @ApiProperty({ nullable: true, enum: RESPONSE_CLASSES }) responseClass: string | null;
  @ApiProperty({ type: ComplaintDeadlinesView }) deadlines: ComplaintDeadlinesView;
  @ApiProperty({ type: [ComplaintMessageView] }) messages: ComplaintMessageView[];
  @ApiPropertyOptional() erased?: boolean;
}

export function complaintFollowView(document: Opened<ComplaintDocument>, today: string): ComplaintFollowView {
  const { verificationDue, answerDue, responseDue, confirmDue } = document;
  return {
    trackingCode: document.trackingCode,
    kind: document.kind,
    status: complaintStatusOn(document, today),
    opdCode: document.opdCode,
    subject: document.subject,
    text: document.text,
    location: document.location,
    publicText: document.publicText && !document.withheldFromPublic,
    filedOn: document.filedOn,
    responseClass: document.responseClass,
    deadlines: { verificationDue, answerDue, responseDue, confirmDue },
    messages: document.messages,
    ...(document.erased ? { erased: true } : {}),
  };
}

export class ComplaintContactView {
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
}

/** A complaint as the desk and the unit read it (docs/api.md, Participation). */
export class ComplaintView {
  @ApiProperty() trackingCode: string;
  @ApiProperty({ enum: COMPLAINT_KINDS }) kind: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES, description: 'As of today' }) status: string;
  @ApiProperty({ nullable: true, type: String }) opdCode: string | null;
  @ApiProperty({ nullable: true, type: String }) subject: string | null;
  @ApiProperty({ nullable: true, type: String }) text: string | null;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ nullable: true, type: ComplaintContactView, description: 'The complaint admin’s only; null for a unit' }) contact: ComplaintContactView | null;
  @ApiProperty() publicText: boolean;
  @ApiProperty() filedOn: string;
  @ApiProperty({ nullable: true, type: String }) verificationDue: string | null;
  @ApiProperty({ nullable: true, type: String }) answerDue: string | null;
  @ApiProperty({ nullable: true, type: String }) responseDue: string | null;
  @ApiProperty({ nullable: true, type: String }) confirmDue: string | null;
  @ApiProperty({ nullable: true, enum: RESPONSE_CLASSES }) responseClass: string | null;
  @ApiProperty({ nullable: true, type: String }) verifiedOn: string | null;
  @ApiProperty({ description: 'The desk kept it off the public feed although the reporter allowed it' }) withheldFromPublic: boolean;
  @ApiProperty({ nullable: true, type: Object, description: 'NOT_AUTHORITY or ARCHIVED: the decision and its reason' }) closing: object | null;
  @ApiProperty({ nullable: true, type: String }) firstResponseOn: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) firstResponseLate: boolean | null;
  @ApiProperty() objected: boolean;
  @ApiProperty({ nullable: true, type: String }) confirmedOn: string | null;
  @ApiProperty({ type: [ComplaintMessageView] }) messages: ComplaintMessageView[];
  @ApiProperty({ description: 'Not verified by its due day, as of today' }) verificationLate: boolean;
  @ApiProperty({ description: 'Not responded to by its due day, as of today' }) responseLate: boolean;
  @ApiPropertyOptional() erased?: boolean;
  @ApiProperty({ description: "The complaint stream's revision, for If-Match" }) revision: number;
  @ApiProperty() updatedAt: string;
}

export class ComplaintPageView {
  @ApiProperty({ type: [ComplaintView] }) items: ComplaintView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ComplaintFiguresView {
  @ApiProperty() received: number;
  @ApiProperty() verified: number;
  @ApiProperty({ description: 'Verified complaints whose first response came, or is overdue today' }) responsesDue: number;
  @ApiProperty() respondedOnTime: number;
  @ApiProperty({ nullable: true, type: Number }) respondedOnTimePercent: number | null;
  @ApiProperty({ nullable: true, type: Number }) medianWorkingDaysToResponse: number | null;
}
