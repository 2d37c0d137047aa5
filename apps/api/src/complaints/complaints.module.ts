import { Module } from '@nestjs/common';
import { ZiModule } from '../zi';
import { ComplaintLedgerSources } from './complaint-ledger-sources';
import { ComplaintFiguresHandler } from './complaint-figures.query';
import { ComplaintFiling } from './complaint-filing';
import { ComplaintPersonalData } from './complaint-personal-data';
import { COMPLAINT_QUERY_HANDLERS } from './complaint-queries';
import { ComplaintReporter } from './complaint-reporter';
import { ComplaintsController } from './complaints.controller';
import { PublicComplaintsController } from './public-complaints.controller';

@Module({
  imports: [ZiModule],
  controllers: [ComplaintsController, PublicComplaintsController],
  providers: [ComplaintFiling, ComplaintLedgerSources, ComplaintPersonalData, ComplaintReporter, ComplaintFiguresHandler, ...COMPLAINT_QUERY_HANDLERS],
  exports: [ComplaintFiling, ComplaintReporter],
})
export class ComplaintsModule {}
