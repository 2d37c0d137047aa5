import { ActorSeal } from '../commands/actor-seal';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { PersonalData } from '@app/personal-data';
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { actsForOpd, Principal } from '../auth/principal';
import { forbidden, notFound } from '../http/problem';
import { HistoryView, StreamVerificationView } from './history.views';
import { owningOpd, streamName, withoutWithheld } from './stream-address';

/** The inspectorate's view: everything that ever happened to a resource, and proof of it. */
@ApiTags('History and integrity')
@ApiBearerAuth()
@Controller('api/v1')
export class HistoryController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly personalData: PersonalData,
    private readonly actors: ActorSeal,
  ) {}

  /**
   * The stream a path names. An SKP's id is `{nip}-{year}` (docs/api.md) while its stream is named
   * by the employee's subject id: the NIP is looked up in the subject map (an erased one is found
   * no more); `{subjectId}-{year}` names the stream directly, which is how an erased employee's
   * SKP stays verifiable.
   */
  private async streamOf(streamType: string, id: string): Promise<string> {
    const skp = streamType === 'skp' ? /^(\d{18})-(\d{4})$/.exec(id) : null;
    if (!skp) return streamName(streamType, id);
    const subject = await this.personalData.subjectOf({ kind: 'nip', value: skp[1] });
    if (!subject) throw notFound('No such SKP');
    return streamName(streamType, `${subject}-${skp[2]}`);
  }

  @Get('history/:streamType/:id')
  @Roles('inspector', 'opd_operator', 'opd_head')
  @ApiOkResponse({ type: HistoryView })
  async history(@Param('streamType') streamType: string, @Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<HistoryView> {
    const stream = await this.streamOf(streamType, id);
    const events = await this.store.readStream(stream);
    if (events.length === 0) throw notFound(streamType === 'skp' ? 'No such SKP' : `No ${streamType} ${id}`);
    const owner = owningOpd(streamType, id, events);
    if (!principal.roles.includes('inspector') && !(owner && actsForOpd(principal, owner)))
      throw forbidden('Only the inspectorate and the owning OPD may read this history');
    // Shown opened to those who may read the history; an erased subject's fields are null.
    const opened = await Promise.all(events.map((event) => this.personalData.revealAll(withoutWithheld(streamType, event.data))));
    const actors = await Promise.all(events.map((event) => this.actors.open(event.metadata.actor)));
    return {
      stream,
      items: events.map((event, index) => ({
        id: event.id,
        type: event.type,
        revision: event.revision,
        position: event.position,
        recordedAt: event.recordedAt,
        actor: actors[index],
        reason: event.metadata.reason ?? null,
        correlationId: event.metadata.correlationId,
        causationId: event.metadata.causationId,
        data: opened[index],
        hash: event.hash,
      })),
    };
  }

  @Get('integrity/streams/:streamType/:id')
  @Roles('inspector')
  @ApiOkResponse({ type: StreamVerificationView })
  async integrity(@Param('streamType') streamType: string, @Param('id') id: string): Promise<StreamVerificationView> {
    const verification = await this.store.verifyStream(await this.streamOf(streamType, id));
    if (verification.events === 0) throw notFound(streamType === 'skp' ? 'No such SKP' : `No ${streamType} ${id}`);
    return verification;
  }
}
