import { Actor } from '@app/decider';
import { isEnvelope, PersonalData, SubjectRef } from '@app/personal-data';
import { Injectable } from '@nestjs/common';
import { actorOf, ANONYMOUS, Principal } from '../auth/principal';

/** An actor as a reader sees it: who, or null with `erased` once the person's key is gone. */
export interface OpenedActor {
  sub: string | null;
  name?: string | null;
  roles: string[];
  erased?: true;
}

/**
 * Who acted, as every event's metadata keeps it (docs/domain.md, Personal data at rest): the
 * token's `sub` and `name` name a person (an SSO's `sub` is often the NIP itself), so both are
 * sealed under that person's key, the employee's by NIP when the token carries one, else the
 * account's own. Erasing the NIP's subject then erases the person from every event they caused;
 * the roles stay in clear, as they say what was done and name no one.
 */
@Injectable()
export class ActorSeal {
  constructor(private readonly personalData: PersonalData) {}

  async seal(principal: Principal): Promise<Actor> {
    // The anonymous writer names no one, and has no key that an erasure could destroy.
    if (principal === ANONYMOUS) return actorOf(principal);
    const ref: SubjectRef = principal.nip ? { kind: 'nip', value: principal.nip } : { kind: 'user', value: principal.sub };
    const subject = await this.personalData.ensureSubject(ref);
    const [sub, name] = await Promise.all([
      this.personalData.seal(subject, principal.sub),
      principal.name ? this.personalData.seal(subject, principal.name) : undefined,
    ]);
    return { sub, ...(name !== undefined ? { name } : {}), roles: principal.roles };
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
