import { Actor } from '@app/decider';
import { isEnvelope, OpenedMark, PersonalData, SubjectRef } from '@app/personal-data';
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { actorOf, ANONYMOUS, Principal } from '../auth/principal';

/** An actor as a reader sees it: who, or null with `erased` once the person's key is gone. */
export interface OpenedActor {
  sub: string | null;
  name?: string | null;
  roles: string[];
  erased?: true;
}

/** A person's sealed names, and the mark taken when they were sealed (see ActorSeal.seal). */
interface SealedNames {
  sub: string;
  name?: string;
  mark: OpenedMark;
}

/** An entry is a few hundred bytes, and lives no longer than its mark stays open. */
const KEPT_PEOPLE = 10_000;

/**
 * Who acted, as every event's metadata keeps it (docs/domain.md, Personal data at rest): the
 * token's `sub` and `name` name a person (an SSO's `sub` is often the NIP itself), so both are
 * sealed under that person's key, the employee's by NIP when the token carries one, else the
 * account's own. Erasing the NIP's subject then erases the person from every event they caused;
 * the roles stay in clear, as they say what was done and name no one.
 */
@Injectable()
export class ActorSeal {
  /** Keyed by the token's names in clear, as PersonalData's own subject cache is, and as short-lived. */
  private readonly kept: LRUCache<string, SealedNames> | null;

  constructor(private readonly personalData: PersonalData) {
    const ttl = personalData.holdLifetimeMs;
    this.kept = ttl > 0 ? new LRUCache({ max: KEPT_PEOPLE, ttl }) : null;
  }

  /**
   * A person's envelopes are sealed once and reused for their writes while PersonalData's mark
   * says what was sealed then may be (no erasure heard of since, and within the cache's bound on
   * one that was not heard of): two AES-GCM seals were some 80 µs of every write. Equal envelopes
   * in two events say that the same text was sealed for both under the same subject, named in
   * clear in each, by one process within half a minute.
   */
  async seal(principal: Principal): Promise<Actor> {
    // The anonymous writer names no one, and has no key that an erasure could destroy.
    if (principal === ANONYMOUS) return actorOf(principal);
    const person = JSON.stringify([principal.nip ?? null, principal.sub, principal.name ?? null]);
    let names = this.kept?.get(person);
    if (!names || !this.personalData.stillOpen(names.mark)) {
      names = await this.sealNames(principal);
      this.kept?.set(person, names);
    }
    return { sub: names.sub, ...(names.name !== undefined ? { name: names.name } : {}), roles: principal.roles };
  }

  private async sealNames(principal: Principal): Promise<SealedNames> {
    const mark = this.personalData.openedMark();
    const ref: SubjectRef = principal.nip ? { kind: 'nip', value: principal.nip } : { kind: 'user', value: principal.sub };
    const subject = await this.personalData.ensureSubject(ref);
    const [sub, name] = await Promise.all([
      this.personalData.seal(subject, principal.sub),
      principal.name ? this.personalData.seal(subject, principal.name) : undefined,
    ]);
    return { sub, ...(name !== undefined ? { name } : {}), mark };
  }

  async open(actor: Actor): Promise<OpenedActor> {
    const [sub, name] = await Promise.all([this.opened(actor.sub), actor.name === undefined ? undefined : this.opened(actor.name)]);
    const erased = sub === null || name === null;
    return { sub, ...(name !== undefined ? { name } : {}), roles: actor.roles, ...(erased ? { erased: true as const } : {}) };
  }

  /** An envelope opened; a value stored before actors were sealed (a test's fixture) as it is. */
  private opened(value: string): Promise<string | null> {
    return isEnvelope(value) ? this.personalData.open(value) : Promise.resolve(value);
  }
}
