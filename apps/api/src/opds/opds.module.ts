import { Module } from '@nestjs/common';
import { OPD_QUERY_HANDLERS } from './opd-queries';
import { OpdStatusHandler } from './opd-status.query';
import { OpdsController } from './opds.controller';
import { PublicOpdsController } from './public-opds.controller';
import { PublicOpdsHandler } from './public-opds.query';

@Module({
  controllers: [OpdsController, PublicOpdsController],
  providers: [...OPD_QUERY_HANDLERS, OpdStatusHandler, PublicOpdsHandler],
})
export class OpdsModule {}
