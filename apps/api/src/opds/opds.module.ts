import { Module } from '@nestjs/common';
import { OPD_QUERY_HANDLERS } from './opd-queries';
import { OpdStatusHandler } from './opd-status.query';
import { OpdsController } from './opds.controller';

@Module({
  controllers: [OpdsController],
  providers: [...OPD_QUERY_HANDLERS, OpdStatusHandler],
})
export class OpdsModule {}
