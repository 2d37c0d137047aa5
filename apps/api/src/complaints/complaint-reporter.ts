import { ComplaintDocument, complaintStream, evolveComplaintDocument, StoredComplaintEvent } from '@app/domain/complaint';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { ComplaintPersonalData, Opened } from './complaint-personal-data';
import { noSuchComplaint } from './complaint-target';
import { normaliseTrackingCode, verifyFollowSecret } from '../auth/follow-secret';

/**
 * The reporter's door: a complaint opened for whoever holds its follow secret, read from its own
 * stream (a dozen events at most), so a complaint is there the moment its filing is answered.
 * A malformed code, an unknown one and a wrong secret cost the same scrypt and get the same 404.
 */
@Injectable()
export class ComplaintReporter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly personalData: ComplaintPersonalData,
  ) {}

  async open(trackingCodeParameter: string, followSecret: string | undefined): Promise<Opened<ComplaintDocument>> {
    const trackingCode = normaliseTrackingCode(trackingCodeParameter);
    const events = trackingCode === null ? [] : await this.store.readStream(complaintStream(trackingCode));
    const document = events.reduce<ComplaintDocument | null>(
      (current, event) =>
        evolveComplaintDocument(current, {
          type: event.type,
          data: event.data,
          recordedAt: event.recordedAt,
          revision: event.revision,
        } as StoredComplaintEvent),
      null,
    );
    const proven = await verifyFollowSecret(document?.followSecretHash ?? null, followSecret ?? '');
    if (!proven || document === null) throw noSuchComplaint();
    return this.personalData.open(document);
  }
}
