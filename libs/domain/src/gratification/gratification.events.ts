import { eventTypes } from '@app/decider';

/**
 * A gift an employee received and reports to the unit that controls gratification (UPG), which
 * forwards it to KPK (UU 20/2001 art. 12C; Peraturan KPK 2/2019 as amended by 1/2026). The
 * reporting employee's NIP, and the description and giver's relation (which may name people),
 * are personal data: sealed in the events under the employee's subject key.
 */
export const GIFT_FORMS = ['MONEY', 'GOODS', 'SERVICE', 'OTHER'] as const;
export type GiftForm = (typeof GIFT_FORMS)[number];

export const GIFT_OCCASIONS = ['WEDDING', 'CEREMONY', 'COLLEAGUE', 'OFFICIAL', 'OTHER'] as const;
export type GiftOccasion = (typeof GIFT_OCCASIONS)[number];

export const KPK_DECISIONS = ['MILIK_NEGARA', 'MILIK_PENERIMA'] as const;
export type KpkDecision = (typeof KPK_DECISIONS)[number];

export const GRATIFICATION_STATES = ['REPORTED', 'FORWARDED', 'DECIDED_STATE', 'DECIDED_RECIPIENT', 'HANDED_OVER', 'CLOSED_EXEMPT'] as const;
export type GratificationStatus = (typeof GRATIFICATION_STATES)[number];

/** A report later than this many working days after receipt is late (Peraturan KPK 2/2019). */
export const REPORT_DUE_WORKING_DAYS = 10;
/** Past this many working days after receipt, KPK may set the gift as state property (UU 20/2001 art. 12C). */
export const KPK_WARNING_WORKING_DAYS = 30;
/** The UPG forwards a report to KPK within this many working days of it. */
export const FORWARD_DUE_WORKING_DAYS = 10;

export type IsoDate = string;

export type GratificationReported = {
  type: 'GratificationReported';
  data: {
    gratificationId: string;
    nip: string;
    opdCode: string;
    receivedOn: IsoDate;
    reportedOn: IsoDate;
    giverRelation: string;
    form: GiftForm;
    description: string;
    valueIdr: number;
    occasion: GiftOccasion;
    /** Working days from receipt to report (day 1 is the first working day after receipt). */
    workingDaysToReport: number;
    late: boolean;
    /** Past KPK_WARNING_WORKING_DAYS: the answer warns that KPK may set it as state property. */
    kpkMaySeize: boolean;
    exemptCandidate: boolean;
    /** The last working day the UPG may forward it on. */
    forwardDueOn: IsoDate;
  };
};

export type GratificationForwarded = {
  type: 'GratificationForwarded';
  data: { gratificationId: string; kpkReference: string; forwardedOn: IsoDate; late: boolean };
};

export type GratificationClosedExempt = { type: 'GratificationClosedExempt'; data: { gratificationId: string; reason: string; closedOn: IsoDate } };

export type GratificationDecided = {
  type: 'GratificationDecided';
  data: { gratificationId: string; decision: KpkDecision; decreeNumber: string; decidedOn: IsoDate };
};

export type GratificationHandedOver = { type: 'GratificationHandedOver'; data: { gratificationId: string; date: IsoDate; receipt: string } };

export type GratificationEvent = GratificationReported | GratificationForwarded | GratificationClosedExempt | GratificationDecided | GratificationHandedOver;

export const GRATIFICATION_EVENT_TYPES = eventTypes<GratificationEvent>({
  GratificationReported: true,
  GratificationForwarded: true,
  GratificationClosedExempt: true,
  GratificationDecided: true,
  GratificationHandedOver: true,
});

/** How the name of every stream of this context begins: a build by stream reads only these. */
export const GRATIFICATION_STREAM_PREFIX = 'gratification-';
export const gratificationStream = (gratificationId: string) => `${GRATIFICATION_STREAM_PREFIX}${gratificationId}`;
