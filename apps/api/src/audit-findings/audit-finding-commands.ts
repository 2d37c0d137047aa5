import { AuditFindingCommand, auditFindingDecider, AuditFindingState, findingStream } from '@app/domain/audit-finding';
import { Actor, EVENT_STORE, EventStore, handleCommand } from '@app/event-store';
import { Clock } from '@app/platform';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { otherOpd } from '../opds/other-opd';

type Result = Awaited<ReturnType<typeof handleCommand<AuditFindingState, never, never>>>;
type RecordData = Extract<AuditFindingCommand, { type: 'RecordAuditFinding' }>['data'];
/** What the OPD or the inspector does to one recommendation; the handler adds the date. */
type RecommendationAction = Exclude<AuditFindingCommand, { type: 'RecordAuditFinding' }> extends infer Action
  ? Action extends { type: infer Type; data: infer Data }
    ? { type: Type; data: Omit<Data, 'today'> }
    : never
  : never;

export class RecordAuditFindingCommand extends Command<Result> {
  constructor(
    readonly finding: Omit<RecordData, 'opd' | 'today'> & { opdCode: string },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(RecordAuditFindingCommand)
export class RecordAuditFindingHandler implements ICommandHandler<RecordAuditFindingCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ finding: { opdCode, ...finding }, actor }: RecordAuditFindingCommand): Promise<Result> {
    const opd = await otherOpd(this.store, opdCode);
    const command: AuditFindingCommand = { type: 'RecordAuditFinding', data: { ...finding, opd, today: this.clock.today() } };
    return handleCommand(this.store, findingStream(finding.findingId), auditFindingDecider, command, { metadata: { actor } });
  }
}

export class ActOnRecommendationCommand extends Command<Result> {
  constructor(
    readonly findingId: string,
    readonly action: RecommendationAction,
    readonly expectedRevision: number | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(ActOnRecommendationCommand)
export class ActOnRecommendationHandler implements ICommandHandler<ActOnRecommendationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  execute({ findingId, action, expectedRevision, actor }: ActOnRecommendationCommand): Promise<Result> {
    const command = { type: action.type, data: { ...action.data, today: this.clock.today() } } as AuditFindingCommand;
    return handleCommand(this.store, findingStream(findingId), auditFindingDecider, command, { expectedRevision, metadata: { actor } });
  }
}

export const AUDIT_FINDING_COMMAND_HANDLERS = [RecordAuditFindingHandler, ActOnRecommendationHandler];
