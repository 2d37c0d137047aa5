import { evolvePlanDocument, PlanDocument, planStream } from '@app/domain/plan';
import { EVENT_STORE, EventStore, foldStream, Position } from '@app/event-store';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** A plan folded from its own stream, and the global position of the last event folded. */
export interface PlanAsRecorded {
  document: PlanDocument | null;
  /** Null when the plan has no events (up to `asOf`). */
  position: Position | null;
}

/**
 * A plan straight from its stream rather than the read model, so that what a report freezes
 * (or compares itself with) never trails the log: the I/O a decision needs, done before it.
 * `asOf` stops at that instant.
 */
export class PlanDocumentQuery extends Query<PlanAsRecorded> {
  constructor(
    readonly opdCode: string,
    readonly year: number,
    readonly asOf?: Date,
  ) {
    super();
  }
}

@QueryHandler(PlanDocumentQuery)
export class PlanDocumentHandler implements IQueryHandler<PlanDocumentQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ opdCode, year, asOf }: PlanDocumentQuery): Promise<PlanAsRecorded> {
    const { folded, last } = await foldStream(this.store, planStream(opdCode, year), evolvePlanDocument, asOf);
    return { document: folded, position: last?.position ?? null };
  }
}
