import { Module } from '@nestjs/common';
import { PublicSurveysController } from './public-surveys.controller';
import { SURVEY_QUERY_HANDLERS } from './survey-queries';
import { SurveysController } from './surveys.controller';

@Module({
  controllers: [SurveysController, PublicSurveysController],
  providers: [...SURVEY_QUERY_HANDLERS],
})
export class SurveysModule {}
