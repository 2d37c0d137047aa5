import { SkpResult } from '@app/domain/skp';
import { deepFreeze, EventCodec, NewEvent, RecordedEvent } from '@app/event-store';
import { isEnvelope, OpenedMark, PersonalData, subjectOf } from '@app/personal-data';
import { Injectable } from '@nestjs/common';
import { SkpAddress } from './skp-address';
import { noSuchSkp } from './skp-target';

/** An SKP's address with the employee's subject id, which its stream and read-model row are named by. */
export type SkpKey = SkpAddress & { subject: string };

/** The personal fields of an SKP event or document: NIPs and the employee's name. */
interface PersonalFields {
  nip?: string | null;
  name?: string | null;
  appraiserNip?: string | null;
  results?: SkpResult[];
}

/** What an opened SKP value says about erasure: `erased` when a field's subject is gone. */
export type Opened<T> = T & { erased?: true };

const nipRef = (value: string) => ({ kind: 'nip' as const, value });

/** The subjects whose envelopes a value holds. */
function subjectsIn(data: PersonalFields): string[] {
  const sealed = [
    data.nip,
    data.name,
    data.appraiserNip,
    ...(data.results ?? []).map((result) => (result.cascadedFrom.kind === 'SKP_RESULT' ? result.cascadedFrom.nip : null)),
  ];
  return [...new Set(sealed.filter(isEnvelope).map(subjectOf))];
}

/**
 * The SKP's personal data at rest (docs/domain.md, Personal data at rest): the employee's NIP
 * and name sealed under the employee's key, the appraiser's NIP under the appraiser's, a
 * superior's NIP a result cascades from under the superior's. The decider works on plaintext:
 * writes seal at the append and open what they read (EventCodec); reads open the read model's
 * documents when answering, and a field whose key was erased reads as null, with `erased`.
 */
@Injectable()
export class SkpPersonalData {
  constructor(private readonly personalData: PersonalData) {}

  /**
   * Values opened before, by the (frozen, cached) object the read cache gave: a read opens the
   * same row again and again, and opening each again would cost a decryption per field. A hit
   * counts at once while no erasure has been heard of since it was opened
   * (PersonalData.stillOpen); after that, only once every subject it names is found to still
   * have its key.
   */
  private readonly opened = new WeakMap<object, { value: unknown; subjects: string[]; mark: OpenedMark }>();

  readonly codec: EventCodec = {
    seal: async (event: NewEvent) => ({ ...event, data: await this.seal(event.data as PersonalFields) }),
    open: async (event: RecordedEvent) => ({ ...event, data: await this.open(event.data as PersonalFields) }),
    openedNow: () => this.personalData.openedNow(),
  };

  /** The SKP's key; a draft makes the employee's subject, any other use of an unknown NIP is a 404. */
  async key(address: SkpAddress, options: { create?: boolean } = {}): Promise<SkpKey> {
    const subject = options.create ? await this.personalData.ensureSubject(nipRef(address.nip)) : await this.subjectOf(address.nip);
    if (!subject) throw noSuchSkp();
    return { ...address, subject };
  }

  /** The subject a NIP stands for, or null (never named, or erased). */
  subjectOf(nip: string): Promise<string | null> {
    return this.personalData.subjectOf(nipRef(nip));
  }

  async seal<T extends PersonalFields>(data: T): Promise<T> {
    const sealed: PersonalFields = { ...data };
    if (typeof data.nip === 'string') {
      sealed.nip = await this.personalData.sealFor(nipRef(data.nip));
      if (typeof data.name === 'string') sealed.name = await this.personalData.sealFor(nipRef(data.nip), data.name);
    }
    if (typeof data.appraiserNip === 'string') sealed.appraiserNip = await this.personalData.sealFor(nipRef(data.appraiserNip));
    if (data.results) {
      sealed.results = await Promise.all(
        data.results.map(async (result) =>
          result.cascadedFrom.kind === 'SKP_RESULT'
            ? { ...result, cascadedFrom: { ...result.cascadedFrom, nip: await this.personalData.sealFor(nipRef(result.cascadedFrom.nip)) } }
            : result,
        ),
      );
    }
    return sealed as T;
  }

  /** Every envelope opened; a field whose subject is erased is null and the value says `erased`. */
  open<T extends PersonalFields>(data: T): Opened<T> | Promise<Opened<T>> {
    return this.reuse<Opened<T>>(data) ?? this.openData(data);
  }

  /** What `source` opened to before, when the key cache alone says every subject it names still has its key. */
  private reuse<T>(source: object): T | undefined {
    const hit = this.opened.get(source);
    return hit && this.personalData.stillOpen(hit.mark) ? (hit.value as T) : undefined;
  }

  private async openData<T extends PersonalFields>(data: T): Promise<Opened<T>> {
    const mark = this.personalData.openedMark();
    const hit = this.opened.get(data);
    if (hit && (await Promise.all(hit.subjects.map((subject) => this.personalData.hasKey(subject)))).every(Boolean)) {
      this.opened.set(data, { ...hit, mark });
      return hit.value as Opened<T>;
    }
    const value = await this.openFields(data);
    this.remember(data, value, subjectsIn(data), mark);
    return value;
  }

  /** Only a frozen source is the store's or the cache's own, never changed after; an erased value is not kept. */
  private remember(source: object, opened: { erased?: true }, subjects: string[], mark: OpenedMark): void {
    if (!opened.erased && Object.isFrozen(source)) this.opened.set(source, { value: deepFreeze(opened), subjects, mark });
  }

  private async openFields<T extends PersonalFields>(data: T): Promise<Opened<T>> {
    let erased = false;
    const reveal = async (value: string | null | undefined) => {
      if (!isEnvelope(value)) return value;
      const plain = await this.personalData.open(value);
      if (plain === null) erased = true;
      return plain;
    };
    const opened: PersonalFields = { ...data };
    if (data.nip !== undefined) opened.nip = await reveal(data.nip);
    if (data.name !== undefined) opened.name = await reveal(data.name);
    if (data.appraiserNip !== undefined) opened.appraiserNip = await reveal(data.appraiserNip);
    if (data.results) {
      opened.results = await Promise.all(
        data.results.map(async (result) =>
          result.cascadedFrom.kind === 'SKP_RESULT'
            ? { ...result, cascadedFrom: { ...result.cascadedFrom, nip: (await reveal(result.cascadedFrom.nip)) as string } }
            : result,
        ),
      );
    }
    return (erased ? { ...opened, erased: true } : opened) as Opened<T>;
  }
}
