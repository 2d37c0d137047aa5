import { PlatformModule } from '@app/platform';
import { ALL_PROJECTIONS } from '@app/read-models';
import { Module } from '@nestjs/common';

/** Projections only: run as many as you like; one holds each projection's lease at a time. */
@Module({
  imports: [PlatformModule.forRoot({ projections: ALL_PROJECTIONS, runProjections: 'always', applicationName: 'kinerja-ledger-projector' })],
})
export class ProjectorModule {}
