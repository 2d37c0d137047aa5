import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints';
import { WbsModule } from '../wbs';
import { LaporFormController } from './lapor-form.controller';
import { PublicParticipationController } from './public-participation.controller';
import { ScorecardParticipationHandler } from './scorecard-participation.handler';

@Module({
  imports: [ComplaintsModule, WbsModule],
  controllers: [PublicParticipationController, LaporFormController],
  providers: [ScorecardParticipationHandler],
})
export class ParticipationModule {}
