import { Environment } from '@app/config';
import { Erasure, ERASURE_STREAM, erasureDecider, ErasureCommand, ErasureEvent, ErasureState, skpRetentionUntil } from '@app/domain/personal-data';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { PersonalData } from '@app/personal-data';
import { Projections } from '@app/projections';
import { skpReadModel } from '@app/read-models';
import { Body, Controller, Get, Inject, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { theRoleSuffices } from '../auth/policies';
import { Write, WriteContext } from '../commands/write-context';
import { WriteTarget } from '../commands/write-target';
import { Writer } from '../commands/writer';
import { notFound, problem, ProblemException } from '../http/problem';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { WriteResult } from '../http/write-result';
import { EraseDto } from './erasure.dto';

const erasureTarget = (subjectId: string): WriteTarget<ErasureState, ErasureCommand, ErasureEvent, unknown> => ({
  stream: ERASURE_STREAM,
  decider: erasureDecider,
  id: subjectId,
  subject: () => undefined,
});

class ErasureView implements Erasure {
  @ApiProperty() subjectId: string;
  @ApiProperty({ enum: ['EMPLOYEE', 'COMPLAINT_REPORTER', 'WBS_REPORTER'] }) kind: Erasure['kind'];
  @ApiProperty() legalBasis: string;
  @ApiProperty() reason: string;
  @ApiProperty({ example: '2031-01-05' }) on: string;
  @ApiProperty() recordedAt: string;
}

class ErasureListView {
  @ApiProperty({ type: [ErasureView] }) items: ErasureView[];
}

/**
 * The data protection officer's erasures (docs/api.md, Personal data; docs/domain.md, Personal
 * data at rest): the subject's key and map entry are destroyed and an event that names no one
 * records it. The hash chain covers ciphertext, so no event changes.
 */
@ApiTags('Personal data')
@ApiBearerAuth()
@Controller('api/v1/personal-data/erasures')
export class ErasuresController {
  constructor(
    private readonly writer: Writer,
    private readonly personalData: PersonalData,
    private readonly projections: Projections,
    private readonly environment: Environment,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @Roles('dpo')
  @WriteEndpoint(201)
  async erase(@Body() body: EraseDto, @Write() write: WriteContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<WriteResult> {
    const { nip, complaint, wbs } = body.subject;
    if ([nip, complaint, wbs].filter((value) => value !== undefined).length !== 1) {
      throw new ProblemException(
        problem(400, 'VALIDATION_FAILED', 'subject names exactly one of nip, complaint, wbs', {
          errors: [{ field: 'subject', message: 'exactly one of nip, complaint, wbs' }],
        }),
      );
    }
    const [ref, kind] =
      nip !== undefined
        ? ([{ kind: 'nip', value: nip }, 'EMPLOYEE'] as const)
        : complaint !== undefined
          ? ([{ kind: 'complaint', value: complaint }, 'COMPLAINT_REPORTER'] as const)
          : ([{ kind: 'wbs', value: wbs! }, 'WBS_REPORTER'] as const);
    const subjectId = await this.personalData.subjectOf(ref);
    if (!subjectId) throw notFound('No such data subject');
    // A reporter is under no retention: the states, clocks and counts stay, the words and identity go.
    if (kind === 'EMPLOYEE') await this.requireNoRetention(subjectId, write.metadata.today);
    const result = await this.writer.decide(reply, write, erasureTarget(subjectId), theRoleSuffices, {
      type: 'RecordErasure',
      data: { subjectId, kind, legalBasis: body.legalBasis, reason: body.reason },
    });
    // After the record, so that a crash in between leaves a record whose retry finishes the job.
    await this.personalData.erase(subjectId);
    return result;
  }

  @Get()
  @Roles('dpo')
  @ApiOkResponse({ type: ErasureListView })
  async list(): Promise<ErasureListView> {
    const events = await this.store.readStream(ERASURE_STREAM);
    return { items: events.map((event) => ({ ...(event.data as Erasure), recordedAt: event.recordedAt })) };
  }

  /**
   * SKP data is kept SKP_RETENTION_YEARS after the SKP's year: the employee's own SKPs, and those
   * that name them as appraiser or as the superior a result cascades from.
   */
  private async requireNoRetention(subjectId: string, today: string): Promise<void> {
    // The register must hold every SKP written so far (a projector elsewhere may lag): an SKP
    // it has not seen yet must not let its people be erased inside the retention.
    const head = await this.store.headPosition();
    if (head && !(await this.projections.waitForPosition(head, 5000))) {
      throw new ProblemException(problem(503, 'UNAVAILABLE', 'The SKP register has not reached the log yet; try again shortly'), { 'Retry-After': '1' });
    }
    const reader = await this.projections.reader(skpReadModel);
    const latest = await reader
      .createQueryBuilder('skp')
      .select('MAX(skp.year)', 'year')
      .where(
        'skp.subject = :subjectId OR skp.appraiserSubject = :subjectId OR EXISTS (SELECT 1 FROM unnest(skp.skpSources) AS source WHERE source LIKE :prefix)',
        {
          subjectId,
          prefix: `${subjectId}|%`,
        },
      )
      .getRawOne<{ year: number | null }>();
    if (latest?.year === null || latest?.year === undefined) return;
    const until = skpRetentionUntil(Number(latest.year), this.environment.SKP_RETENTION_YEARS);
    if (today <= until) {
      throw new ProblemException(problem(409, 'RETENTION_APPLIES', `SKP data must be kept until ${until}`, { until }));
    }
  }
}
