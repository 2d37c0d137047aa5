import { DomainCommand, DomainEvent } from '@app/decider';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { Policy } from '../auth/policies';
import { ActorSeal } from './actor-seal';
import { WriteResult, writeResult } from '../http/write-result';
import { DecideCommand } from './decide.command';
import { CommandBody, WriteContext } from './write-context';
import { WriteTarget } from './write-target';

/**
 * The one way every write goes: one read of the target's stream, the policy judged on what it
 * holds, the decision, the append, the answer. `answer` adds to the answer what the decider's
 * state after the decision says (an evaluation's predikat), also when a retry replays it.
 */
@Injectable()
export class Writer {
  constructor(
    private readonly commands: CommandBus,
    private readonly actors: ActorSeal,
  ) {}

  async decide<State, C extends DomainCommand, E extends DomainEvent, Subject, Extra extends object = object>(
    reply: FastifyReply,
    write: WriteContext,
    target: WriteTarget<State, C, E, Subject>,
    policy: Policy<Subject>,
    command: CommandBody<C>,
    answer?: (state: State) => Extra,
  ): Promise<WriteResult & Extra> {
    const authorize = (state: State) => policy(write.principal, target.subject(state));
    // Who acted is stored sealed; deciders never look at it.
    const metadata = { ...write.metadata, actor: await this.actors.seal(write.principal) };
    const complete = { ...command, metadata } as C;
    const result = await this.commands.execute(new DecideCommand(target.stream, target.decider, complete, { ...write.options, authorize }, target.codec));
    return { ...writeResult(reply, target.id, result, target.location), ...(answer?.(result.state) as Extra) };
  }
}
