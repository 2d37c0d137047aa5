import { evolveWbsDocument, StoredWbsEvent, WbsDocument, wbsStream } from '@app/domain/wbs';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { normaliseTrackingCode, verifyFollowSecret } from '../auth/follow-secret';
import { WbsPersonalData } from './wbs-personal-data';
import { noSuchReport } from './wbs-target';

/**
 * The reporter's door, as for a complaint (complaints/complaint-reporter.ts): the report from its
 * own stream for whoever holds its follow secret, the same 404 and the same scrypt otherwise.
 * The identity is not opened here: the reporter gave it, and nothing shows it back.
 */
@Injectable()
export class WbsReporter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly personalData: WbsPersonalData,
  ) {}

  async open(trackingCodeParameter: string, followSecret: string | undefined): Promise<WbsDocument> {
    const trackingCode = normaliseTrackingCode(trackingCodeParameter);
    const events = trackingCode === null ? [] : await this.store.readStream(wbsStream(trackingCode));
    const document = events.reduce<WbsDocument | null>(
      (current, event) =>
        evolveWbsDocument(current, { type: event.type, data: event.data, recordedAt: event.recordedAt, revision: event.revision } as StoredWbsEvent),
      null,
    );
    const proven = await verifyFollowSecret(document?.followSecretHash ?? null, followSecret ?? '');
    if (!proven || document === null) throw noSuchReport();
    return this.personalData.reveal({ ...document, identity: null });
  }
}
