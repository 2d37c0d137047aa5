import { WbsIdentity } from '@app/domain/wbs';
import { EventCodec, NewEvent, RecordedEvent } from '@app/event-store';
import { PersonalData } from '@app/personal-data';
import { Injectable } from '@nestjs/common';

/**
 * Everything a report's events say in words (docs/domain.md, Whistleblowing 3; Personal data at
 * rest 1): the allegation and whom it concerns, when and where, the evidence links, the
 * identity, the messages both ways, and the officers' reasons and references. Only the tracking
 * code, the states, the days and the hash of the follow secret stay in clear.
 */
const SEALED_TEXT = ['allegation', 'concerning', 'when', 'where', 'text', 'reason', 'reference'] as const;

interface PersonalFields {
  trackingCode?: string;
  allegation?: string | null;
  concerning?: string | null;
  when?: string | null;
  where?: string | null;
  text?: string | null;
  reason?: string | null;
  reference?: string | null;
  evidenceUrls?: Array<string | null>;
  identity?: WbsIdentity | { name: string | null; contact: string | null } | null;
}

/**
 * Each report is a data subject of its own (`{ kind: 'wbs', value: trackingCode }`): its fields
 * are sealed under that subject's key at the append. The read side opens them with `revealAll`,
 * leaving the identity to a reading (wbs-queries.ts). Erasing the subject, by the DPO or by the
 * retention after closing, takes the identity and the words with it; the states and days stay.
 */
@Injectable()
export class WbsPersonalData {
  constructor(private readonly personalData: PersonalData) {}

  readonly codec: EventCodec = {
    seal: async (event: NewEvent) => ({ ...event, data: await this.seal(event.data as PersonalFields) }),
    open: async (event: RecordedEvent) => ({ ...event, data: await this.personalData.revealAll(event.data) }),
    openedNow: () => this.personalData.openedNow(),
  };

  /** The report's subject, or null (never sealed, or erased). */
  subjectOf(trackingCode: string): Promise<string | null> {
    return this.personalData.subjectOf({ kind: 'wbs', value: trackingCode });
  }

  /** Every envelope in `value` opened; an erased one reads null. */
  reveal<T>(value: T): Promise<T> {
    return this.personalData.revealAll(value) as Promise<T>;
  }

  private async seal<T extends PersonalFields>(data: T): Promise<T> {
    if (typeof data.trackingCode !== 'string') throw new Error('A WBS event names its tracking code');
    const subject = await this.personalData.ensureSubject({ kind: 'wbs', value: data.trackingCode });
    const sealValue = async <V extends string | null | undefined>(value: V) => (typeof value === 'string' ? this.personalData.seal(subject, value) : value);
    const sealed: PersonalFields = { ...data };
    for (const field of SEALED_TEXT) if (data[field] !== undefined) sealed[field] = await sealValue(data[field]);
    if (data.evidenceUrls) sealed.evidenceUrls = await Promise.all(data.evidenceUrls.map(sealValue));
    if (data.identity) sealed.identity = { name: await sealValue(data.identity.name), contact: await sealValue(data.identity.contact) };
    return sealed as T;
  }
}
