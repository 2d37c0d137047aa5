import { ComplaintContact } from '@app/domain/complaint';
import { EventCodec, NewEvent, RecordedEvent } from '@app/event-store';
import { isEnvelope, PersonalData } from '@app/personal-data';
import { Injectable } from '@nestjs/common';

/**
 * The personal fields of a complaint's events and documents (docs/domain.md, Personal data at
 * rest 1): the reporter's words (subject, text, location, the answer to a question, the
 * objection) and contact. The tracking code names the complaint and stays in clear; the OPD's
 * responses and the admin's question are the government's words and stay in clear too.
 */
interface PersonalFields {
  trackingCode?: string;
  subject?: string | null;
  text?: string | null;
  location?: string | null;
  contact?: ComplaintContact | null;
  /** A document's conversation: the reporter's messages were sealed with their events. */
  messages?: Array<{ text: string | null }>;
}

/** Sealed on the events the reporter wrote; `ComplaintResponded.text` is the OPD's. */
const REPORTER_TEXT_EVENTS: ReadonlySet<string> = new Set(['ComplaintFiled', 'ComplaintInfoProvided', 'ComplaintReopened']);
const TEXT_FIELDS = ['subject', 'text', 'location'] as const;
const CONTACT_FIELDS = ['name', 'email', 'phone'] as const;

export type Opened<T> = T & { erased?: true };

/**
 * Each complaint is a data subject of its own (`{ kind: 'complaint', value: trackingCode }`):
 * its fields are sealed under that subject's key at the append and opened where read, and a
 * field whose key was erased reads as null with `erased`.
 */
@Injectable()
export class ComplaintPersonalData {
  constructor(private readonly personalData: PersonalData) {}

  readonly codec: EventCodec = {
    seal: async (event: NewEvent) => (REPORTER_TEXT_EVENTS.has(event.type) ? { ...event, data: await this.seal(event.data as PersonalFields) } : event),
    open: async (event: RecordedEvent) => ({ ...event, data: await this.open(event.data as PersonalFields) }),
    openedNow: () => this.personalData.openedNow(),
  };

  async seal<T extends PersonalFields>(data: T): Promise<T> {
    if (typeof data.trackingCode !== 'string') throw new Error('A complaint event names its tracking code');
    const subject = await this.personalData.ensureSubject({ kind: 'complaint', value: data.trackingCode });
    const sealValue = async (value: string | null | undefined) => (typeof value === 'string' ? this.personalData.seal(subject, value) : value);
    const sealed: PersonalFields = { ...data };
    for (const field of TEXT_FIELDS) if (data[field] !== undefined) sealed[field] = await sealValue(data[field]);
    if (data.contact) {
      const contact = { ...data.contact };
      for (const field of CONTACT_FIELDS) contact[field] = (await sealValue(data.contact[field])) ?? null;
      sealed.contact = contact;
    }
    return sealed as T;
  }

  async open<T extends PersonalFields>(data: T): Promise<Opened<T>> {
    let erased = false;
    const reveal = async (value: string | null | undefined) => {
      if (!isEnvelope(value)) return value;
      const plain = await this.personalData.open(value);
      if (plain === null) erased = true;
      return plain;
    };
    const opened: PersonalFields = { ...data };
    for (const field of TEXT_FIELDS) if (data[field] !== undefined) opened[field] = await reveal(data[field]);
    if (data.contact) {
      const contact = { ...data.contact };
      for (const field of CONTACT_FIELDS) contact[field] = (await reveal(data.contact[field])) ?? null;
      opened.contact = contact;
    }
    if (data.messages) opened.messages = await Promise.all(data.messages.map(async (message) => ({ ...message, text: (await reveal(message.text)) ?? null })));
    return (erased ? { ...opened, erased: true } : opened) as Opened<T>;
  }
}
