import { unreachable } from '@app/decider';
import { OPD_EVENT_TYPES, OPD_STREAM_PREFIX, OpdEvent } from '@app/domain/opd';
import { ProjectionEvent } from '@app/event-store';
import { defineReadModel, Projection } from '@app/projections';
import { rowPerStream, rowsPerStream } from '../row-per-stream';

export interface OpdRow {
  code: string;
  name: string;
  parentCode: string | null;
  status: 'ACTIVE' | 'DISSOLVED';
  successorCode: string | null;
  /** The stream's revision: the ETag of the unit. */
  revision: number;
  registeredAt: string;
  updatedAt: string;
}

export const opdReadModel = defineReadModel<OpdRow>({
  name: 'opd',
  columns: {
    code: { type: 'text', primary: true },
    name: { type: 'text' },
    parentCode: { type: 'text', name: 'parent_code', nullable: true },
    status: { type: 'text' },
    successorCode: { type: 'text', name: 'successor_code', nullable: true },
    revision: { type: 'int' },
    registeredAt: { type: 'text', name: 'registered_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
});

/** Fold one unit's event into its row; shared by the projection and the as-of reader. */
export function evolveOpdRow(row: OpdRow | null, event: ProjectionEvent): OpdRow | null {
  const { type, data } = event as unknown as OpdEvent;
  const touched = { revision: event.revision, updatedAt: event.recordedAt };
  switch (type) {
    case 'OpdRegistered':
      return { ...data, status: 'ACTIVE', successorCode: null, registeredAt: event.recordedAt, ...touched };
    case 'OpdRenamed':
      return row && { ...row, name: data.name, ...touched };
    case 'OpdDissolved':
      return row && { ...row, status: 'DISSOLVED', successorCode: data.successorCode, ...touched };
    default:
      return unreachable(type);
  }
}

const opdKey = (event: ProjectionEvent) => ({ code: (event.data as { code: string }).code });

export const opdRegistryProjection: Projection = {
  name: 'opd-registry',
  version: 1,
  readModels: [opdReadModel],
  handles: OPD_EVENT_TYPES,
  apply: rowPerStream(opdReadModel, opdKey, evolveOpdRow),
  rebuildByStream: true,
  streamPrefix: OPD_STREAM_PREFIX,
  applyBatch: rowsPerStream(opdReadModel, opdKey, evolveOpdRow),
};
