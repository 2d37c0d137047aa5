import { Decider, DomainCommand, DomainEvent } from '@app/decider';
import { CommandOptions, CommandResult, EVENT_STORE, EventCodec, EventStore, handleCommand, StreamQueue } from '@app/event-store';
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
    readonly options: CommandOptions<State>,
    /** How the stream's events are stored when they hold personal data (see EventCodec). */
    readonly codec?: EventCodec,
  ) {
    super();
  }
}

/** Writes to one stream take turns in this process (see StreamQueue); other processes race and retry. */
@CommandHandler(DecideCommand)
export class DecideHandler implements ICommandHandler<DecideCommand> {
  private readonly queue = new StreamQueue();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ stream, decider, command, options, codec }: DecideCommand): Promise<CommandResult<unknown, DomainEvent>> {
    return this.queue.run(stream, () => handleCommand(this.store, stream, decider, command, { ...options, codec }));
  }
}
