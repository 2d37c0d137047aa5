import { opdDecider, OtherOpd, opdStream } from '@app/domain/opd';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/**
 * A unit's status, folded from its own stream rather than the read model, so a decision about
 * it never waits for a projection: the I/O a decision needs, done before it.
 */
export class OpdStatusQuery extends Query<OtherOpd> {
  constructor(readonly code: string) {
    super();
  }
}

@QueryHandler(OpdStatusQuery)
export class OpdStatusHandler implements IQueryHandler<OpdStatusQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ code }: OpdStatusQuery): Promise<OtherOpd> {
    const events = await this.store.readStream(opdStream(code));
    const state = events.reduce((current, event) => opdDecider.evolve(current, event as never), opdDecider.initialState());
    return { code, status: state.status };
  }
}
