import { Module } from '@nestjs/common';
import { OPD_COMMAND_HANDLERS } from './opd-commands';
import { OPD_QUERY_HANDLERS } from './opd-queries';
import { OpdsController } from './opds.controller';

@Module({
  controllers: [OpdsController],
  providers: [...OPD_COMMAND_HANDLERS, ...OPD_QUERY_HANDLERS],
})
export class OpdsModule {}
