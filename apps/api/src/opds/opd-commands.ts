import { opdDecider, OpdState, opdStream } from '@app/domain/opd';
import { Actor, EVENT_STORE, EventStore, handleCommand } from '@app/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { otherOpd } from './other-opd';

type Result = Awaited<ReturnType<typeof handleCommand<OpdState, never, never>>>;

export class RegisterOpdCommand extends Command<Result> {
  constructor(
    readonly code: string,
    readonly name: string,
    readonly parentCode: string | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(RegisterOpdCommand)
export class RegisterOpdHandler implements ICommandHandler<RegisterOpdCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ code, name, parentCode, actor }: RegisterOpdCommand): Promise<Result> {
    const parent = parentCode ? await otherOpd(this.store, parentCode) : null;
    return handleCommand(this.store, opdStream(code), opdDecider, { type: 'RegisterOpd', data: { code, name, parent } }, { metadata: { actor } });
  }
}

export class RenameOpdCommand extends Command<Result> {
  constructor(
    readonly code: string,
    readonly name: string,
    readonly reason: string,
    readonly expectedRevision: number | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(RenameOpdCommand)
export class RenameOpdHandler implements ICommandHandler<RenameOpdCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ code, name, reason, expectedRevision, actor }: RenameOpdCommand): Promise<Result> {
    return handleCommand(this.store, opdStream(code), opdDecider, { type: 'RenameOpd', data: { name } }, {
      expectedRevision,
      metadata: { actor, reason },
    });
  }
}

export class DissolveOpdCommand extends Command<Result> {
  constructor(
    readonly code: string,
    readonly reason: string,
    readonly successorCode: string | undefined,
    readonly expectedRevision: number | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(DissolveOpdCommand)
export class DissolveOpdHandler implements ICommandHandler<DissolveOpdCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ code, reason, successorCode, expectedRevision, actor }: DissolveOpdCommand): Promise<Result> {
    const successor = successorCode ? await otherOpd(this.store, successorCode) : null;
    return handleCommand(this.store, opdStream(code), opdDecider, { type: 'DissolveOpd', data: { successor } }, {
      expectedRevision,
      metadata: { actor, reason },
    });
  }
}

export const OPD_COMMAND_HANDLERS = [RegisterOpdHandler, RenameOpdHandler, DissolveOpdHandler];
