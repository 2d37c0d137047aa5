import { Projections } from '@app/projections';
import { opdReadModel } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** A unit as the public reads it: an institution's code, name and standing, never who changed it. */
export interface PublicOpd {
  code: string;
  name: string;
  parentCode: string | null;
  status: 'ACTIVE' | 'DISSOLVED';
  successorCode: string | null;
}

/** Every registered unit, in code order: a regency has tens, so the list is not paginated. */
export class PublicOpdsQuery extends Query<PublicOpd[]> {}

@QueryHandler(PublicOpdsQuery)
export class PublicOpdsHandler implements IQueryHandler<PublicOpdsQuery> {
  constructor(private readonly projections: Projections) {}

  async execute(): Promise<PublicOpd[]> {
    return (await this.projections.reader(opdReadModel)).find({
      select: { code: true, name: true, parentCode: true, status: true, successorCode: true },
      order: { code: 'ASC' },
    });
  }
}
