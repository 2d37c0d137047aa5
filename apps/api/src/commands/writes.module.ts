import { Global, Module } from '@nestjs/common';
import { DecideHandler } from './decide.command';
import { Writer } from './writer';

/** The one write path, for every slice's controllers. */
@Global()
@Module({
  providers: [DecideHandler, Writer],
  exports: [Writer],
})
export class WritesModule {}
