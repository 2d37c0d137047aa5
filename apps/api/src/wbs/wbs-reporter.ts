import { evolveWbsDocument, WbsDocument, wbsStream } from '@app/domain/wbs';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { followedReport } from '../auth/followed-report';
import { WbsPersonalData } from './wbs-personal-data';
import { noSuchReport } from './wbs-target';

const REPORTS = { stream: wbsStream, evolve: evolveWbsDocument };

/**
 * The reporter's door, as for a complaint: the report for whoever holds its follow secret, the
 * same 404 for anyone else. The identity is never opened here: the reporter gave it, and nothing
 * shows it back.
 */
@Injectable()
export class WbsReporter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly personalData: WbsPersonalData,
  ) {}

  /** The report still sealed: what a reporter's write needs, which reads its words no more. */
  async prove(trackingCode: string, followSecret: string | undefined): Promise<WbsDocument> {
    const document = await followedReport(this.store, REPORTS, trackingCode, followSecret);
    if (document === null) throw noSuchReport();
    return document;
  }

  /** The report opened, without its identity, as its reporter reads it. */
  async open(trackingCode: string, followSecret: string | undefined): Promise<WbsDocument> {
    return this.personalData.reveal({ ...(await this.prove(trackingCode, followSecret)), identity: null });
  }
}
