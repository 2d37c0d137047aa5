import { Global, Module } from '@nestjs/common';
import { ActorSeal } from './actor-seal';
import { DecideHandler } from './decide.command';
import { Writer } from './writer';

/** The one write path, for every slice's controllers, and the seal on who acted that it applies. */
@Global()
@Module({
  providers: [DecideHandler, Writer, ActorSeal],
  exports: [Writer, ActorSeal],
})
export class WritesModule {}
