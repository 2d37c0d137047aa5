import { unreachable } from '@app/decider';
import { GiftForm, GiftOccasion, GratificationEvent, GratificationStatus, IsoDate, KpkDecision } from './gratification.events';

/** A gratification event as the log hands it to the read side. */
export type StoredGratificationEvent = GratificationEvent & { recordedAt: string; revision: number };

/**
 * A report as the read side keeps it. `nip`, `giverRelation` and `description` stay sealed in
 * the read model (libs/personal-data) and are opened when answering.
 */
export interface GratificationDocument {
  id: string;
  nip: string;
  opdCode: string;
  status: GratificationStatus;
  receivedOn: IsoDate;
  reportedOn: IsoDate;
  giverRelation: string;
  form: GiftForm;
  description: string;
  valueIdr: number;
  occasion: GiftOccasion;
  workingDaysToReport: number;
  late: boolean;
  kpkMaySeize: boolean;
  exemptCandidate: boolean;
  forwardDueOn: IsoDate;
  forwarding: { kpkReference: string; forwardedOn: IsoDate; late: boolean } | null;
  exemptClosing: { reason: string; closedOn: IsoDate } | null;
  decision: { decision: KpkDecision; decreeNumber: string; decidedOn: IsoDate } | null;
  handOver: { date: IsoDate; receipt: string } | null;
  revision: number;
  updatedAt: string;
}

export function evolveGratificationDocument(document: GratificationDocument | null, event: StoredGratificationEvent): GratificationDocument | null {
  const stamp = { revision: event.revision, updatedAt: event.recordedAt };
  if (event.type === 'GratificationReported') {
    const { gratificationId, ...report } = event.data;
    return { id: gratificationId, ...report, status: 'REPORTED', forwarding: null, exemptClosing: null, decision: null, handOver: null, ...stamp };
  }
  if (!document) return null;
  switch (event.type) {
    case 'GratificationForwarded': {
      const { kpkReference, forwardedOn, late } = event.data;
      return { ...document, status: 'FORWARDED', forwarding: { kpkReference, forwardedOn, late }, ...stamp };
    }
    case 'GratificationClosedExempt':
      return { ...document, status: 'CLOSED_EXEMPT', exemptClosing: { reason: event.data.reason, closedOn: event.data.closedOn }, ...stamp };
    case 'GratificationDecided': {
      const { decision, decreeNumber, decidedOn } = event.data;
      return {
        ...document,
        status: decision === 'MILIK_NEGARA' ? 'DECIDED_STATE' : 'DECIDED_RECIPIENT',
        decision: { decision, decreeNumber, decidedOn },
        ...stamp,
      };
    }
    case 'GratificationHandedOver':
      return { ...document, status: 'HANDED_OVER', handOver: { date: event.data.date, receipt: event.data.receipt }, ...stamp };
    default:
      return unreachable(event);
  }
}

/**
 * Whether the UPG forwarded late, or is late now: forwarded after its due day, or still not
 * forwarded (nor closed as exempt) once `today` is past it.
 */
export function forwardLate(document: Pick<GratificationDocument, 'status' | 'forwardDueOn' | 'forwarding'>, today: IsoDate): boolean {
  if (document.forwarding) return document.forwarding.late;
  return document.status === 'REPORTED' && today > document.forwardDueOn;
}
