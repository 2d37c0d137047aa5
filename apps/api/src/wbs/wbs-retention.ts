import { Environment } from '@app/config';
import { ERASURE_STREAM, erasureDecider } from '@app/domain/personal-data';
import { wbsIdentityErasedIfClosedBefore } from '@app/domain/wbs';
import { Clock } from '@app/platform';
import { PersonalData } from '@app/personal-data';
import { Projections } from '@app/projections';
import { wbsReadModel } from '@app/read-models';
import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DecideCommand } from '../commands/decide.command';
import { AppLogger } from '../observability/app-logger';

/** Who erases when the retention ends: no person, so nothing to seal. */
const RETENTION_ACTOR = { sub: 'wbs-identity-retention', roles: [] };
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Erases a closed report's reporter WBS_IDENTITY_RETENTION_DAYS after it was CLOSED
 * (docs/domain.md, Whistleblowing 3): the same record and key destruction as the DPO's erasure,
 * by a sweep each hour in every API process. Two processes sweeping at once record it once (the
 * erasure decider records a subject once) and destroy the key once.
 */
@Injectable()
export class WbsRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly environment: Environment,
    private readonly projections: Projections,
    private readonly personalData: PersonalData,
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      // Only the error's message: no tracking code, no subject.
      this.sweep().catch((error: unknown) =>
        this.logger.pino.warn({ error: error instanceof Error ? error.message : String(error) }, 'WBS retention sweep failed'),
      );
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Erases every report whose retention ended before today; answers how many it erased. */
  async sweep(): Promise<number> {
    const { today, now } = this.clock.read();
    const rows = await (
      await this.projections.reader(wbsReadModel)
    )
      .createQueryBuilder('w')
      .select(['w.trackingCode'])
      .where("w.status = 'CLOSED' AND w.closedOn < :before", { before: wbsIdentityErasedIfClosedBefore(today, this.environment.WBS_IDENTITY_RETENTION_DAYS) })
      .getMany();
    let erased = 0;
    for (const { trackingCode } of rows) {
      const subjectId = await this.personalData.subjectOf({ kind: 'wbs', value: trackingCode });
      if (!subjectId) continue;
      const command = {
        type: 'RecordErasure' as const,
        data: {
          subjectId,
          kind: 'WBS_REPORTER' as const,
          legalBasis: 'WBS_IDENTITY_RETENTION_DAYS',
          reason: `Retention of ${this.environment.WBS_IDENTITY_RETENTION_DAYS} days after closing ended`,
        },
        metadata: { actor: RETENTION_ACTOR, today, now },
      };
      await this.commands.execute(new DecideCommand(ERASURE_STREAM, erasureDecider, command, {}));
      // After the record, as the DPO's erasure does: a crash in between is finished by the next sweep.
      if (await this.personalData.erase(subjectId)) erased += 1;
    }
    return erased;
  }
}
