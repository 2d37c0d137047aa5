import { EventCodec, NewEvent, RecordedEvent } from '@app/event-store';
import { isEnvelope, PersonalData } from '@app/personal-data';
import { Injectable } from '@nestjs/common';

/** The personal fields of a gratification event or document: who reported, and what may name a person. */
interface PersonalFields {
  nip?: string | null;
  giverRelation?: string | null;
  description?: string | null;
}

export type Opened<T> = T & { erased?: true };

const nipRef = (value: string) => ({ kind: 'nip' as const, value });

/**
 * A report's personal data at rest, the way skp-personal-data.ts keeps an SKP's: the reporter's
 * NIP, the giver's relation and the description (either may name the giver or the reporter)
 * sealed under the reporter's subject key. After an erasure of that NIP they read as null, with
 * `erased`; the amounts, dates and states stay, so the UPG's figures still add up.
 */
@Injectable()
export class GratificationPersonalData {
  constructor(private readonly personalData: PersonalData) {}

  readonly codec: EventCodec = {
    seal: async (event: NewEvent) => ({ ...event, data: await this.seal(event.data as PersonalFields) }),
    open: async (event: RecordedEvent) => ({ ...event, data: await this.open(event.data as PersonalFields) }),
    openedNow: () => this.personalData.openedNow(),
  };

  /** The subject a NIP stands for, or null (never named, or erased). */
  subjectOf(nip: string): Promise<string | null> {
    return this.personalData.subjectOf(nipRef(nip));
  }

  async seal<T extends PersonalFields>(data: T): Promise<T> {
    if (typeof data.nip !== 'string') return data;
    const ref = nipRef(data.nip);
    const sealed: PersonalFields = { ...data, nip: await this.personalData.sealFor(ref) };
    if (typeof data.giverRelation === 'string') sealed.giverRelation = await this.personalData.sealFor(ref, data.giverRelation);
    if (typeof data.description === 'string') sealed.description = await this.personalData.sealFor(ref, data.description);
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
    if (data.nip !== undefined) opened.nip = await reveal(data.nip);
    if (data.giverRelation !== undefined) opened.giverRelation = await reveal(data.giverRelation);
    if (data.description !== undefined) opened.description = await reveal(data.description);
    return (erased ? { ...opened, erased: true } : opened) as Opened<T>;
  }
}
