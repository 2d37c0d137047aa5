import { Module } from '@nestjs/common';
import { ZiModule } from '../zi';
import { SurveyLedgerSources } from './survey-ledger-sources';
import { PublicSurveysController } from './public-surveys.controller';
import { SURVEY_QUERY_HANDLERS } from './survey-queries';
import { SurveyFormController } from './survey-form.controller';
import { SurveysController } from './surveys.controller';

@Module({
  imports: [ZiModule],
  controllers: [SurveysController, PublicSurveysController, SurveyFormController],
  providers: [SurveyLedgerSources, ...SURVEY_QUERY_HANDLERS],
})
export class SurveysModule {}
