import { EVENT_STORE, EventStore } from '@app/event-store';
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { actsForOpd, Principal } from '../auth/principal';
import { forbidden, notFound } from '../http/problem';
import { HistoryView, StreamVerificationView } from './history.views';
import { owningOpd, streamName } from './stream-address';

/** The inspectorate's view: everything that ever happened to a resource, and proof of it. */
@ApiTags('History and integrity')
@ApiBearerAuth()
@Controller('api/v1')
export class HistoryController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('history/:streamType/:id')
  @Roles('inspector', 'opd_operator', 'opd_head')
  @ApiOkResponse({ type: HistoryView })
  async history(@Param('streamType') streamType: string, @Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<HistoryView> {
    const stream = streamName(streamType, id);
    const events = await this.store.readStream(stream);
    if (events.length === 0) throw notFound(`No ${streamType} ${id}`);
    const owner = owningOpd(streamType, id, events);
    if (!principal.roles.includes('inspector') && !(owner && actsForOpd(principal, owner)))
      throw forbidden('Only the inspectorate and the owning OPD may read this history');
    return {
      stream,
      items: events.map((event) => ({
        id: event.id,
        type: event.type,
        revision: event.revision,
        position: event.position,
        recordedAt: event.recordedAt,
        actor: event.metadata.actor,
        reason: event.metadata.reason ?? null,
        correlationId: event.metadata.correlationId,
        causationId: event.metadata.causationId,
        data: event.data,
        hash: event.hash,
      })),
    };
  }

  @Get('integrity/streams/:streamType/:id')
  @Roles('inspector')
  @ApiOkResponse({ type: StreamVerificationView })
  async integrity(@Param('streamType') streamType: string, @Param('id') id: string): Promise<StreamVerificationView> {
    const stream = streamName(streamType, id);
    const verification = await this.store.verifyStream(stream);
    if (verification.events === 0) throw notFound(`No ${streamType} ${id}`);
    return verification;
  }
}
