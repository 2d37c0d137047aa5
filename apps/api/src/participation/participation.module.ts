import { Module } from '@nestjs/common';
import { PublicParticipationController } from './public-participation.controller';
import { ScorecardParticipationHandler } from './scorecard-participation.handler';

@Module({ controllers: [PublicParticipationController], providers: [ScorecardParticipationHandler] })
export class ParticipationModule {}
