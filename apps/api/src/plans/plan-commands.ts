import { Goal, PlanCommand, planDecider, PlanState, planStream } from '@app/domain/plan';
import { Actor, EVENT_STORE, EventStore, handleCommand } from '@app/event-store';
import { Clock } from '@app/platform';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { otherOpd } from '../opds/other-opd';

type Result = Awaited<ReturnType<typeof handleCommand<PlanState, never, never>>>;

/** What a caller asks of a plan; the handler adds what it looks up (the unit) and today's date. */
export type PlanAction =
  | { type: 'DraftPlan'; data: { goals: Goal[] } }
  | Exclude<PlanCommand, { type: 'DraftPlan' | 'ApprovePlan' | 'ReportRealisation' | 'CorrectRealisation' }>
  | { type: 'ApprovePlan'; data: Record<string, never> }
  | { type: 'ReportRealisation'; data: Omit<Extract<PlanCommand, { type: 'ReportRealisation' }>['data'], 'today'> }
  | { type: 'CorrectRealisation'; data: Omit<Extract<PlanCommand, { type: 'CorrectRealisation' }>['data'], 'today'> };

export class ActOnPlanCommand extends Command<Result> {
  constructor(
    readonly opdCode: string,
    readonly year: number,
    readonly action: PlanAction,
    readonly expectedRevision: number | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(ActOnPlanCommand)
export class ActOnPlanHandler implements ICommandHandler<ActOnPlanCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ opdCode, year, action, expectedRevision, actor }: ActOnPlanCommand): Promise<Result> {
    const command = await this.complete(opdCode, year, action);
    // Reasons travel with the event's metadata too, where the history shows them.
    const reason = 'reason' in command.data ? command.data.reason : undefined;
    return handleCommand(this.store, planStream(opdCode, year), planDecider, command, { expectedRevision, metadata: { actor, ...(reason ? { reason } : {}) } });
  }

  private async complete(opdCode: string, year: number, action: PlanAction): Promise<PlanCommand> {
    const today = this.clock.today();
    switch (action.type) {
      case 'DraftPlan':
        return { type: 'DraftPlan', data: { opd: await otherOpd(this.store, opdCode), year, goals: action.data.goals } };
      case 'ApprovePlan':
        return { type: 'ApprovePlan', data: { today } };
      case 'ReportRealisation':
        return { type: 'ReportRealisation', data: { ...action.data, today } };
      case 'CorrectRealisation':
        return { type: 'CorrectRealisation', data: { ...action.data, today } };
      default:
        return action;
    }
  }
}

export const PLAN_COMMAND_HANDLERS = [ActOnPlanHandler];
