import { Module } from '@nestjs/common';
import { PublicParticipationController } from './public-participation.controller';

@Module({ controllers: [PublicParticipationController] })
export class ParticipationModule {}
