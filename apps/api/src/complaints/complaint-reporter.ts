import { ComplaintDocument, complaintStream, evolveComplaintDocument } from '@app/domain/complaint';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { followedReport } from '../auth/followed-report';
import { ComplaintPersonalData, Opened } from './complaint-personal-data';
import { noSuchComplaint } from './complaint-target';

const COMPLAINTS = { stream: complaintStream, evolve: evolveComplaintDocument };

/** The reporter's door: a complaint for whoever holds its follow secret, the same 404 for anyone else. */
@Injectable()
export class ComplaintReporter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly personalData: ComplaintPersonalData,
  ) {}

  /** The complaint still sealed: what a reporter's write needs, which reads its words no more. */
  async prove(trackingCode: string, followSecret: string | undefined): Promise<ComplaintDocument> {
    const document = await followedReport(this.store, COMPLAINTS, trackingCode, followSecret);
    if (document === null) throw noSuchComplaint();
    return document;
  }

  /** The complaint opened, as its reporter reads it. */
  async open(trackingCode: string, followSecret: string | undefined): Promise<Opened<ComplaintDocument>> {
    return this.personalData.open(await this.prove(trackingCode, followSecret));
  }
}
