import { Decider, DomainCommand, DomainEvent } from '@app/decider';
import { CommandOptions, CommandResult, EVENT_STORE, EventStore, handleCommand } from '@app/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';

/**
 * The one command every write sends: a complete domain command (lookups done, metadata set)
 * for the decider of one stream. Reads, folds, decides and appends; see handleCommand.
 */
export class DecideCommand<State = unknown, C extends DomainCommand = DomainCommand, E extends DomainEvent = DomainEvent> extends Command<
  CommandResult<State, E>
> {
  constructor(
    readonly stream: string,
    readonly decider: Decider<State, C, E>,
    readonly command: C,
    readonly options: CommandOptions,
  ) {
    super();
  }
}

@CommandHandler(DecideCommand)
export class DecideHandler implements ICommandHandler<DecideCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ stream, decider, command, options }: DecideCommand): Promise<CommandResult<unknown, DomainEvent>> {
    return handleCommand(this.store, stream, decider, command, options);
  }
}
